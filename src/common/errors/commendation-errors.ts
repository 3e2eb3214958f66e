import type { CatalogEntry } from './error-catalog';

/**
 * Error codes of nomination (suy tôn), the minutes (biên bản), commendation decisions and the commendation register;
 * spread into ERROR_CATALOG. Input problems carry `details: { path }` naming the field.
 */
export const COMMENDATION_ERRORS = {
  NOMINATION_NO_RANKING: {
    kind: 'conflict',
    message: {
      vi: 'Bước "{stage}" cần kết quả xếp hạng để suy tôn đơn vị dẫn đầu, nhưng đợt thi đua chưa có xếp hạng.',
      en: 'Stage "{stage}" acclaims the leading units of the ranking, but the campaign has no ranking yet.',
    },
  },
  NOMINATION_NO_ACCLAIMED: {
    kind: 'conflict',
    message: {
      vi: 'Bước "{stage}" biểu quyết đề nghị khen thưởng các đơn vị được suy tôn, nhưng chưa có đơn vị nào được suy tôn.',
      en: 'Stage "{stage}" votes on the proposal for the acclaimed units, but no unit has been acclaimed.',
    },
  },
  MINUTES_NOT_READY: {
    kind: 'conflict',
    message: {
      vi: 'Biên bản họp bình xét, suy tôn chỉ có sau khi cuộc bỏ phiếu suy tôn kết thúc.',
      en: 'The minutes of the review and acclamation exist only once the acclamation vote has closed.',
    },
  },
  TASK_HAS_NO_DECISION: {
    kind: 'conflict',
    message: { vi: 'Nhiệm vụ này không phải là việc ghi quyết định khen thưởng.', en: 'This task is not the recording of a commendation decision.' },
  },
  DECISION_NUMBER_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Hãy nhập số quyết định (ví dụ 123/QĐ-VKSTC).', en: 'Give the decision number (e.g. 123/QĐ-VKSTC).' },
  },
  DECISION_DATE_INVALID: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Ngày ký quyết định "{value}" không hợp lệ: cần một ngày có thật dạng YYYY-MM-DD.',
      en: 'The signing date "{value}" is not valid: give a real date as YYYY-MM-DD.',
    },
  },
  DECISION_ISSUER_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Hãy nhập cấp ra quyết định (ví dụ Viện trưởng VKSND tối cao).', en: 'Give the issuer of the decision (e.g. the Procurator General).' },
  },
  AWARD_RECIPIENT_NOT_MEMBER: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Đơn vị {unit} không phải đơn vị thành viên của {subject}, nên không thể được khen thưởng theo quyết định này.',
      en: 'Unit {unit} is not a member of {subject}, so this decision cannot commend it.',
    },
  },
  AWARD_TITLE_UNKNOWN: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Danh hiệu hoặc hình thức khen thưởng "{title}" không có trong cấu hình của bước này (có: {known}).',
      en: 'Title or commendation form "{title}" is not configured for this stage (configured: {known}).',
    },
  },
  AWARD_DUPLICATE: {
    kind: 'user',
    status: 422,
    message: { vi: 'Đơn vị {unit} được ghi hai lần cho cùng danh hiệu "{title}".', en: 'Unit {unit} is listed twice for the same title "{title}".' },
  },
  DECISION_NO_RECIPIENTS: {
    kind: 'conflict',
    message: {
      vi: 'Quyết định không có đơn vị nào để khen thưởng: chưa có đơn vị được suy tôn hoặc đứng đầu xếp hạng.',
      en: 'The decision commends nobody: no unit has been acclaimed or leads the ranking.',
    },
  },
  DECISION_ALREADY_RECORDED: {
    kind: 'conflict',
    message: {
      vi: 'Bước này đã ghi quyết định số {number}; không ghi thêm quyết định thứ hai.',
      en: 'This stage already recorded decision {number}; a second decision is not recorded.',
    },
  },
  COMMENDATION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy bản ghi khen thưởng {id}.', en: 'Commendation record {id} not found.' } },
  RULE_PACK_NONE: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Chưa có bộ quy định thi đua, khen thưởng nào áp dụng cho năm {year} (bộ sớm nhất áp dụng từ năm {from}).',
      en: 'No commendation rule pack applies to {year} (the earliest applies from {from}).',
    },
  },
  TITLE_UNKNOWN: {
    kind: 'user',
    status: 422,
    message: { vi: 'Bộ quy định áp dụng cho năm {year} không có danh hiệu "{title}" (có: {titles}).', en: 'The rules for {year} have no title "{title}" (they have: {titles}).' },
  },
  CANDIDATE_NOT_IN_UNIT: {
    kind: 'user',
    status: 422,
    message: {
      vi: '{person} không thuộc biên chế của {unit} trong năm {year}, nên đơn vị không thể đề nghị khen thưởng cho người này.',
      en: '{person} was not on the staff of {unit} in {year}, so the unit cannot propose them.',
    },
  },
  ELIGIBILITY_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ cán bộ được ủy quyền của {unit}, Hội đồng thi đua – khen thưởng và quản trị viên mới xem được điều kiện khen thưởng của đơn vị này.',
      en: 'Only officers mandated for {unit}, the emulation council and administrators may see this unit\'s eligibility.',
    },
  },
  PERSON_RECORD_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ bản thân {person}, cán bộ được ủy quyền của đơn vị người này công tác, Hội đồng thi đua – khen thưởng và quản trị viên mới xem được hồ sơ thi đua này.',
      en: "Only {person}, officers mandated for a unit they served in, the emulation council and administrators may see this record.",
    },
  },
  UNIT_RECORD_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ cán bộ được ủy quyền của {unit}, Hội đồng thi đua – khen thưởng và quản trị viên mới xem được hồ sơ thi đua của đơn vị này.',
      en: "Only officers mandated for {unit}, the emulation council and administrators may see this unit's record.",
    },
  },
  PROPOSAL_FORBIDDEN: {
    kind: 'forbidden',
    message: { vi: 'Chỉ cán bộ được ủy quyền của {unit} và quản trị viên mới đề nghị khen thưởng cho đơn vị này.', en: 'Only officers mandated for {unit} and administrators may make its proposals.' },
  },
  PROPOSAL_INELIGIBLE: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Không thể đề nghị {title} năm {year}: {names} chưa đủ điều kiện (lý do trong details). Không có đề nghị nào được ghi.',
      en: 'Cannot propose {title} for {year}: {names} not eligible (reasons in details). No proposal was recorded.',
    },
  },
  OVERRIDE_FORBIDDEN: {
    kind: 'forbidden',
    message: { vi: 'Chỉ quản trị viên mới được đề nghị người chưa đủ điều kiện (kèm lý do bằng văn bản).', en: 'Only an administrator may propose an ineligible candidate (with a written reason).' },
  },
  OVERRIDE_REASON_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Đề nghị vượt điều kiện cho {name} cần ghi rõ lý do.', en: 'Overriding eligibility for {name} needs a written reason.' },
  },
  CAP_EXCEEDED: {
    kind: 'user',
    status: 422,
    message: { vi: '{cap}. Không có đề nghị nào được ghi.', en: '{cap}. No proposal was recorded.' },
  },
  PROPOSAL_EXISTS: {
    kind: 'conflict',
    message: { vi: '{name} đã được đề nghị {title} năm {year}.', en: '{name} has already been proposed for {title} in {year}.' },
  },
  PROPOSAL_EMPTY: {
    kind: 'user',
    status: 422,
    message: { vi: 'Hãy chọn ít nhất một người để đề nghị.', en: 'Choose at least one person to propose.' },
  },
  TASK_HAS_NO_PROPOSALS: {
    kind: 'conflict',
    message: { vi: 'Nhiệm vụ này không phải là việc đề nghị danh hiệu thi đua.', en: 'This task is not a proposal of titles.' },
  },
  PROPOSAL_TITLE_NOT_IN_STAGE: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Bước "{stage}" chỉ nhận đề nghị các danh hiệu: {titles}; không nhận "{title}".',
      en: 'Stage "{stage}" takes proposals for these titles only: {titles}; not "{title}".',
    },
  },
  PROPOSAL_TITLE_REPEATED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Danh hiệu {title} có hai lần trong đề nghị.', en: 'Title {title} appears twice in the proposals.' },
  },
  PROPOSALS_NONE_IN_CAMPAIGN: {
    kind: 'conflict',
    message: {
      vi: 'Bước "{stage}" đưa các đề nghị danh hiệu ra Hội đồng biểu quyết, nhưng các đơn vị chưa đề nghị ai.',
      en: 'Stage "{stage}" puts the title proposals to the council, but the units proposed nobody.',
    },
  },
  PROPOSALS_IN_CAMPAIGN: {
    kind: 'conflict',
    message: {
      vi: 'Cuộc bình xét này thuộc một đợt thi đua: thành viên Hội đồng bỏ phiếu trên trang biểu quyết của đợt, quyết định được ghi ở bước quyết định của đợt.',
      en: "This review belongs to a campaign: council members vote on the campaign's poll page, and the decision is recorded at the campaign's decision stage.",
    },
  },
  PROPOSAL_ACCOUNT_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Đề nghị {title} cho {name} cần tóm tắt thành tích.', en: 'Proposing {name} for {title} needs an account of the achievement.' },
  },
  PROPOSAL_CANDIDATE_REPEATED: {
    kind: 'user',
    status: 422,
    message: { vi: '{name} có hai lần trong danh sách đề nghị.', en: '{name} appears twice in the list.' },
  },
  REVOCATION_REASON_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Hãy ghi lý do thu hồi khen thưởng.', en: 'Give the reason for the revocation.' },
  },
  COMMENDATION_ALREADY_REVOKED: {
    kind: 'conflict',
    message: { vi: 'Khen thưởng này đã bị thu hồi theo quyết định {decision}.', en: 'This award was already revoked by decision {decision}.' },
  },
  CERTIFICATE_REVOKED: {
    kind: 'conflict',
    message: {
      vi: 'Khen thưởng này đã bị thu hồi theo quyết định {decision}, nên không cấp giấy chứng nhận.',
      en: 'This award was revoked by decision {decision}, so it has no certificate.',
    },
  },
  INITIATIVE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đơn công nhận sáng kiến {id}.', en: 'Initiative application {id} not found.' } },
  INITIATIVE_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ cán bộ được ủy quyền của {unit}, Hội đồng sáng kiến và quản trị viên mới xem hoặc gửi đơn công nhận sáng kiến của đơn vị này.',
      en: "Only officers mandated for {unit}, the Initiatives Council and administrators may see or submit this unit's initiative applications.",
    },
  },
  INITIATIVE_AUTHOR_NOT_IN_UNIT: {
    kind: 'user',
    status: 422,
    message: {
      vi: '{person} không thuộc biên chế của {unit} trong năm {year}, nên đơn vị không thể gửi sáng kiến của người này.',
      en: '{person} was not on the staff of {unit} in {year}, so the unit cannot submit their initiative.',
    },
  },
  INITIATIVE_NOT_EDITABLE: {
    kind: 'conflict',
    message: { vi: 'Đơn "{name}" đã được đưa ra Hội đồng sáng kiến, không thể bổ sung tài liệu.', en: 'The application "{name}" is already before the Initiatives Council; nothing can be attached.' },
  },
  ATTACHMENTS_FULL: {
    kind: 'user',
    status: 422,
    message: { vi: 'Mỗi hồ sơ chỉ đính kèm tối đa {limit} tài liệu.', en: 'A dossier takes at most {limit} attachments.' },
  },
  INITIATIVE_COUNCIL_EMPTY: {
    kind: 'conflict',
    message: {
      vi: 'Chưa có ai được giao vai trò “Thành viên Hội đồng Thi đua - Khen thưởng” để biểu quyết công nhận sáng kiến.',
      en: 'Nobody holds the role “Emulation and commendation council member” to vote on the initiative.',
    },
  },
  INITIATIVE_NOT_IN_REVIEW: {
    kind: 'conflict',
    message: { vi: 'Đơn "{name}" chưa được đưa ra Hội đồng sáng kiến biểu quyết, nên chưa thể ra quyết định.', en: 'The application "{name}" has not been put to the Initiatives Council\'s vote, so it cannot be decided yet.' },
  },
  INITIATIVE_ALREADY_DECIDED: {
    kind: 'conflict',
    message: { vi: 'Đơn "{name}" đã có quyết định số {decision}.', en: 'The application "{name}" was already decided by decision {decision}.' },
  },
  PROPOSALS_NOTHING_TO_VOTE: {
    kind: 'conflict',
    message: {
      vi: 'Không có đề nghị {title} năm {year} nào đang chờ Hội đồng bình xét.',
      en: 'No proposal for {title} in {year} is waiting for the council\'s vote.',
    },
  },
  PROPOSALS_CONSULTATION_PENDING: {
    kind: 'conflict',
    message: {
      vi: 'Đề nghị {title} năm {year} phải được công khai lấy ý kiến ít nhất {days} ngày làm việc và hết thời hạn công khai trước khi Hội đồng bình xét; còn {count} đề nghị chưa đủ điều kiện đó.',
      en: 'Proposals for {title} in {year} must be open to public consultation for at least {days} working days, and the window must be over, before the council votes; {count} proposals are not there yet.',
    },
  },
  COUNCIL_EMPTY: {
    kind: 'conflict',
    message: {
      vi: 'Chưa có ai được giao vai trò “Thành viên Hội đồng Thi đua - Khen thưởng” để bình xét.',
      en: 'Nobody holds the role “Emulation and commendation council member” to vote.',
    },
  },
  PROPOSAL_VOTE_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Không tìm thấy cuộc bình xét đề nghị khen thưởng {id}.', en: 'No council vote on proposals with id {id}.' },
  },
  PROPOSALS_ALREADY_DECIDED: {
    kind: 'conflict',
    message: {
      vi: 'Cuộc bình xét này đã có quyết định số {decision}; không thể ghi quyết định khác.',
      en: 'This vote was already followed by decision {decision}; another cannot be recorded.',
    },
  },
  EXAMPLE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đề cử điển hình {id}.', en: 'Nomination {id} not found.' } },
  EXAMPLE_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ cán bộ được ủy quyền của {unit}, đơn vị cụm trưởng, Hội đồng thi đua – khen thưởng và quản trị viên mới xem được đề cử chưa công bố của đơn vị này; chỉ cán bộ của đơn vị và quản trị viên mới gửi đề cử.',
      en: "Only officers mandated for {unit}, the cluster head, the emulation council and administrators may see its unpublished nominations; only its officers and administrators may nominate.",
    },
  },
  EXAMPLE_REVIEW_FORBIDDEN: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ cán bộ của đơn vị cụm trưởng năm {year} (cụm có {unit}) và quản trị viên mới xét duyệt đề cử này.',
      en: 'Only officers of the cluster head of {year} (the cluster {unit} belongs to) and administrators may review this nomination.',
    },
  },
  EXAMPLE_ALREADY_REVIEWED: {
    kind: 'conflict',
    message: { vi: 'Đề cử "{title}" đã được xét duyệt: {status}.', en: 'The nomination "{title}" was already reviewed: {status}.' },
  },
  EXAMPLE_DECLINE_REASON_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Không chấp nhận đề cử "{title}" cần ghi rõ lý do.', en: 'Declining the nomination "{title}" needs a written reason.' },
  },
  EXAMPLE_NOT_EDITABLE: {
    kind: 'conflict',
    message: { vi: 'Đề cử "{title}" đã được xét duyệt, không thể bổ sung tài liệu.', en: 'The nomination "{title}" has been reviewed; nothing can be attached.' },
  },
  EXAMPLE_NOT_ACCEPTED: {
    kind: 'conflict',
    message: { vi: 'Chỉ đề cử đã được chấp nhận mới đề nghị khen thưởng đột xuất được; "{title}" đang ở trạng thái {status}.', en: 'Only an accepted nomination can be proposed for an ad hoc commendation; "{title}" is {status}.' },
  },
  EXAMPLE_TITLE_NOT_A_FORM: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Khen thưởng đột xuất cho {name} chỉ chọn một trong: {forms}.',
      en: 'An ad hoc commendation of {name} is one of: {forms}.',
    },
  },
  EXAMPLE_ALREADY_PROPOSED: {
    kind: 'conflict',
    message: { vi: 'Đề cử này đã được đề nghị khen thưởng đột xuất.', en: 'This nomination was already proposed for an ad hoc commendation.' },
  },
  WORKFLOW_NOT_STARTED_BY_UNITS: {
    kind: 'forbidden',
    message: {
      vi: 'Quy trình "{workflow}" chỉ quản trị viên mới khởi động được; đơn vị không tự khởi động.',
      en: 'Only administrators start the workflow "{workflow}"; units cannot start it themselves.',
    },
  },
  PROPOSAL_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đề nghị khen thưởng {id}.', en: 'Proposal {id} not found.' } },
  CONSULTATION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đợt lấy ý kiến {id}.', en: 'Consultation {id} not found.' } },
  CONSULTATION_EXISTS: {
    kind: 'conflict',
    message: { vi: 'Đề nghị này đã được công khai lấy ý kiến từ {from} đến {to}.', en: 'This proposal was already put to consultation from {from} to {to}.' },
  },
  CONSULTATION_CLOSED: {
    kind: 'conflict',
    message: { vi: 'Thời hạn lấy ý kiến đã kết thúc ngày {to}; không nhận thêm ý kiến.', en: 'The consultation closed on {to}; no more objections are taken.' },
  },
  CONSULTATION_NOT_OPEN: {
    kind: 'conflict',
    message: { vi: 'Thời hạn lấy ý kiến bắt đầu từ ngày {from}.', en: 'The consultation opens on {from}.' },
  },
  OBJECTION_TEXT_REQUIRED: { kind: 'user', status: 422, message: { vi: 'Vui lòng ghi nội dung ý kiến.', en: 'Write the objection.' } },
} satisfies Record<string, CatalogEntry>;
