import { interpolate, Language, Text } from '../../common/i18n/language';

/** Texts of the poll (ballot and result) page, Vietnamese first. */
export const POLL_WEB_TEXTS = {
  pollTitle: { vi: 'Biểu quyết: {label}', en: 'Vote: {label}' },
  subject: { vi: 'Nội dung biểu quyết', en: 'Subject' },
  subjectHash: { vi: 'Mã băm văn bản được biểu quyết', en: 'Hash of the text voted on' },
  readSubject: { vi: 'Đọc văn bản', en: 'Read the text' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  ballotKind: { vi: 'Hình thức', en: 'Ballot' },
  openBallot: { vi: 'Biểu quyết công khai', en: 'Open ballot' },
  secretBallot: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
  closesAt: { vi: 'Kết thúc lúc', en: 'Closes' },
  noClose: { vi: 'Khi tất cả đã bỏ phiếu hoặc khi bước kết thúc', en: 'When everyone has voted or the stage ends' },
  statusOpen: { vi: 'Đang biểu quyết', en: 'Voting open' },
  statusClosed: { vi: 'Đã kết thúc', en: 'Closed' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  votersHeading: { vi: 'Đơn vị đã bỏ phiếu', en: 'Who has voted' },
  votersHidden: { vi: 'Bỏ phiếu kín: danh sách đơn vị đã bỏ phiếu chỉ hiện khi có từ {n} phiếu.', en: 'Secret ballot: who has voted is shown once {n} ballots are in.' },
  yourBallotCast: { vi: '{unit} đã bỏ phiếu: {choice}. Có thể đổi phiếu cho đến khi kết thúc; phiếu sau cùng được tính.', en: '{unit} voted: {choice}. You may change it until the vote closes; the last ballot counts.' },
  receipt: { vi: 'Mã biên nhận', en: 'Receipt' },
  castHeading: { vi: 'Bỏ phiếu', en: 'Cast your ballot' },
  castFor: { vi: 'Bỏ phiếu thay mặt đơn vị', en: 'Vote for the unit' },
  choice: { vi: 'Lựa chọn', en: 'Choice' },
  castButton: { vi: 'Gửi phiếu', en: 'Cast ballot' },
  notInElectorate: { vi: 'Bạn không thay mặt đơn vị nào có quyền biểu quyết ở đây.', en: 'You act for no unit that votes here.' },
  notAMember: { vi: 'Bạn không có tên trong danh sách biểu quyết của cuộc bỏ phiếu này.', en: 'You are not among the voters of this poll.' },
  castAsMember: { vi: 'Bạn bỏ phiếu với tư cách cá nhân (thành viên Hội đồng).', en: 'You vote in person (as a council member).' },
  candidatesLegend: { vi: 'Đánh dấu những đề nghị bạn đồng ý; để trống là không đồng ý', en: 'Tick those you approve; unticked ones you do not' },
  resultHeading: { vi: 'Kết quả', en: 'Result' },
  arithmetic: { vi: 'Cách tính', en: 'Arithmetic' },
  counts: { vi: 'Số phiếu', en: 'Counts' },
  members: { vi: 'Thành viên', en: 'Members' },
  ballots: { vi: 'Phiếu hợp lệ', en: 'Ballots counted' },
  countedHeading: { vi: 'Phiếu từng đơn vị (công khai)', en: 'Each unit’s ballot (open ballot)' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  flashCast: { vi: 'Đã ghi nhận phiếu của {unit}. Mã biên nhận: {receipt}.', en: 'Ballot of {unit} recorded. Receipt: {receipt}.' },
  backToCampaign: { vi: 'Quay lại đợt thi đua', en: 'Back to the campaign' },
  offlineHeading: { vi: 'Ghi nhận phiếu tại cuộc họp (biên bản)', en: 'Record the ballots of a meeting (minutes)' },
  offlineIntro: {
    vi: 'Dành cho thư ký: ghi phiếu của các đơn vị đã biểu quyết trực tiếp tại cuộc họp; mỗi đơn vị xác nhận hoặc phản đối phiếu của mình trong thời hạn.',
    en: 'For the secretary: record the ballots units cast at the meeting; each unit confirms or disputes its own within the window.',
  },
  minutesTitle: { vi: 'Tên biên bản', en: 'Minutes title' },
  minutesHeldAt: { vi: 'Thời gian họp', en: 'Held at' },
  minutesText: { vi: 'Nội dung biên bản', en: 'Minutes' },
  confirmWindow: { vi: 'Thời hạn xác nhận (giờ)', en: 'Confirmation window (hours)' },
  notRecorded: { vi: 'Không ghi nhận', en: 'Not recorded' },
  recordOffline: { vi: 'Ghi nhận phiếu', en: 'Record the ballots' },
  flashOffline: { vi: 'Đã ghi nhận phiếu tại cuộc họp; các đơn vị được mời xác nhận.', en: 'Meeting ballots recorded; the units are asked to confirm.' },
  confirmHeading: { vi: 'Phiếu của {unit} được ghi tại cuộc họp: {choice}', en: 'The ballot of {unit} recorded at the meeting: {choice}' },
  confirmComment: { vi: 'Ý kiến (bắt buộc khi phản đối)', en: 'Comment (required to dispute)' },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  dispute: { vi: 'Phản đối', en: 'Dispute' },
  flashConfirmed: { vi: 'Đã gửi xác nhận của đơn vị.', en: 'The unit’s answer was recorded.' },
  disputedHeading: { vi: 'Phiếu bị phản đối', en: 'Disputed ballots' },
  offlineMark: { vi: '(ghi tại cuộc họp{state})', en: '(recorded at a meeting{state})' },
  ballotsByUnit: { vi: 'Phiếu của từng đơn vị', en: 'Each unit’s ballot' },
  offlineInvalid: { vi: 'Hãy ghi đủ tên, thời gian, nội dung biên bản và ít nhất một phiếu.', en: 'Give the minutes’ title, time and text, and at least one ballot.' },
} satisfies Record<string, Text>;

export type PollWebTextKey = keyof typeof POLL_WEB_TEXTS;

export function pt(language: Language, key: PollWebTextKey, params?: Record<string, unknown>): string {
  return interpolate(POLL_WEB_TEXTS[key][language], params);
}

export const CHOICE_TEXTS: Record<string, Text> = {
  agree: { vi: 'Đồng ý', en: 'Agree' },
  disagree: { vi: 'Không đồng ý', en: 'Disagree' },
  abstain: { vi: 'Không biểu quyết (phiếu trắng)', en: 'Abstain' },
};

export const CONFIRMATION_TEXTS: Record<string, Text> = {
  pending: { vi: 'chờ đơn vị xác nhận', en: 'awaiting the unit’s confirmation' },
  confirmed: { vi: 'đơn vị đã xác nhận', en: 'confirmed by the unit' },
  disputed: { vi: 'đơn vị phản đối', en: 'disputed by the unit' },
};

export const POLL_OUTCOME_TEXTS: Record<string, Text> = {
  passed: { vi: 'Thông qua', en: 'Passed' },
  failed: { vi: 'Không thông qua', en: 'Not passed' },
  'no-quorum': { vi: 'Không đủ túc số', en: 'No quorum' },
  tie: { vi: 'Ngang phiếu', en: 'Tie' },
};

/** A rule in words: "Thông qua khi số đồng ý lớn hơn 1/2 tổng số thành viên". */
export function ruleText(rule: { denominator: string; threshold: { numerator: number; denominator: number }; comparison: string; quorum: { numerator: number; denominator: number } | null; tieBreak: string }, language: Language): string {
  const fraction = `${rule.threshold.numerator}/${rule.threshold.denominator}`;
  const base = {
    vi: { members: 'tổng số thành viên', cast: 'số phiếu đã bỏ', present: 'số thành viên có mặt' },
    en: { members: 'all members', cast: 'the ballots cast', present: 'the members present' },
  }[language][rule.denominator as 'members' | 'cast' | 'present'];
  const comparison = language === 'vi' ? (rule.comparison === '>' ? 'lớn hơn' : 'từ') : rule.comparison === '>' ? 'more than' : 'at least';
  const tie = {
    'chair-decides': { vi: 'ngang phiếu thì theo phiếu của đơn vị chủ trì (cụm trưởng)', en: "a tie follows the chair's (cluster head's) ballot" },
    'status-quo': { vi: 'ngang phiếu thì không thông qua', en: 'a tie does not pass' },
    revote: { vi: 'ngang phiếu thì biểu quyết lại', en: 'a tie means a new vote' },
  }[rule.tieBreak as 'chair-decides' | 'status-quo' | 'revote'];
  const quorum = rule.quorum
    ? language === 'vi'
      ? `; cần ít nhất ${rule.quorum.numerator}/${rule.quorum.denominator} thành viên bỏ phiếu`
      : `; at least ${rule.quorum.numerator}/${rule.quorum.denominator} of the members must vote`
    : '';
  return language === 'vi'
    ? `Thông qua khi số đồng ý ${comparison} ${fraction} ${base}${quorum}; ${tie?.vi ?? rule.tieBreak}.`
    : `Passes when agree is ${comparison} ${fraction} of ${base}${quorum}; ${tie?.en ?? rule.tieBreak}.`;
}
