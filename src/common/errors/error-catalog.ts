import { interpolate, Language, Text } from '../i18n/language';
import { COMMENDATION_ERRORS } from './commendation-errors';
import { DOCUMENT_ERRORS } from './document-errors';
import { IMPORT_ERRORS } from './import-errors';
import { LAUNCH_ERRORS } from './launch-errors';
import { MAIL_ERRORS } from './mail-errors';
import { RANKING_ERRORS } from './ranking-errors';
import { RULE_PACK_ERRORS } from './rule-pack-errors';
import { SCHEDULE_ERRORS } from './schedule-errors';
import { SCORING_ERRORS } from './scoring-errors';
import { SIGNING_ERRORS } from './signing-errors';
import { STORAGE_ERRORS } from './storage-errors';
import { VOTING_ERRORS } from './voting-errors';
import { WEBHOOK_ERRORS } from './webhook-errors';

/** How an error is handled: the HTTP status it maps to and whether a worker retries it. */
export type ErrorKind =
  | 'user' // bad input: 400/422, never retried
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409: state changed or a uniqueness rule; often safe to retry
  | 'too-large' // 413
  | 'rate-limited' // 429
  | 'operational' // 503: a dependency is down; retry later
  | 'unexpected'; // 500: a bug; logged under an errorId

export interface CatalogEntry {
  kind: ErrorKind;
  /** Overrides the kind's default status (e.g. 422 for a well-formed but invalid document). */
  status?: number;
  message: Text;
}

/** Every error code the API can return, with its kind and its message in each language. */
export const ERROR_CATALOG = {
  INVALID_JSON: { kind: 'user', message: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' } },
  VALIDATION_FAILED: { kind: 'user', message: { vi: 'Dữ liệu không hợp lệ: {fields}.', en: 'Invalid data: {fields}.' } },
  PAYLOAD_TOO_LARGE: { kind: 'too-large', message: { vi: 'Nội dung gửi lên vượt quá {limit}.', en: 'The request body exceeds {limit}.' } },
  INVALID_CHARACTERS: {
    kind: 'user',
    message: {
      vi: 'Trường {field} chứa ký tự điều khiển không được phép ({character}); văn bản chỉ được chứa tab và xuống dòng.',
      en: 'Field {field} contains a control character that is not allowed ({character}); text may hold only tabs and line breaks.',
    },
  },
  INPUT_TOO_DEEP: { kind: 'user', message: { vi: 'Dữ liệu gửi lên lồng nhau quá {limit} cấp (tại {field}).', en: 'The request data nests deeper than {limit} levels (at {field}).' } },
  UNSUPPORTED_CHARSET: {
    kind: 'user',
    status: 415,
    message: { vi: 'Không hỗ trợ bảng mã {charset} cho nội dung này; hãy gửi UTF-8.', en: 'Charset {charset} is not supported for this body; send UTF-8.' },
  },
  UNSUPPORTED_CONTENT_ENCODING: {
    kind: 'user',
    status: 415,
    message: { vi: 'Không hỗ trợ kiểu nén {encoding}; hãy gửi gzip, deflate, br hoặc không nén.', en: 'Content encoding {encoding} is not supported; send gzip, deflate, br or none.' },
  },
  BODY_UNREADABLE: {
    kind: 'user',
    message: { vi: 'Không đọc được nội dung gửi lên (kiểu nén {encoding}): dữ liệu hỏng hoặc không đúng kiểu nén.', en: 'The request body could not be read (content encoding {encoding}): it is corrupt or not in that encoding.' },
  },
  ROUTE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy địa chỉ {path}.', en: 'No route for {path}.' } },
  HTTP_ERROR: { kind: 'user', message: { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' } },
  INTERNAL_ERROR: {
    kind: 'unexpected',
    message: { vi: 'Lỗi hệ thống. Vui lòng báo mã lỗi {errorId} cho quản trị viên.', en: 'Internal error. Please report error id {errorId} to an administrator.' },
  },
  SERVICE_UNAVAILABLE: { kind: 'operational', message: { vi: 'Dịch vụ chưa sẵn sàng: {down}.', en: 'Service unavailable: {down}.' } },
  DATABASE_UNAVAILABLE: {
    kind: 'operational',
    message: {
      vi: 'Tạm thời không kết nối được cơ sở dữ liệu; yêu cầu có thể chưa được thực hiện. Vui lòng thử lại sau {retryAfter} giây.',
      en: 'The database cannot be reached for now; the request may not have been carried out. Please try again in {retryAfter} seconds.',
    },
  },

  UNAUTHENTICATED: { kind: 'unauthenticated', message: { vi: 'Bạn cần đăng nhập.', en: 'You must sign in.' } },
  TOKEN_INVALID: { kind: 'unauthenticated', message: { vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.', en: 'The session token is invalid or has expired.' } },
  INVALID_CREDENTIALS: { kind: 'unauthenticated', message: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' } },
  TOO_MANY_SIGN_IN_ATTEMPTS: {
    kind: 'rate-limited',
    message: { vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {retryAfter} giây.', en: 'Too many failed sign-ins. Try again in {retryAfter} seconds.' },
  },
  FORBIDDEN_ROLE: { kind: 'forbidden', message: { vi: 'Bạn không có quyền thực hiện thao tác này (cần vai trò: {roles}).', en: 'You are not allowed to do this (requires role: {roles}).' } },
  NOT_MANDATED: {
    kind: 'forbidden',
    message: { vi: 'Bạn không có ủy quyền hợp lệ để hành động thay mặt đơn vị {unit}.', en: 'You hold no valid mandate to act for unit {unit}.' },
  },
  ACTING_UNIT_REQUIRED: {
    kind: 'user',
    message: { vi: 'Hãy chọn đơn vị bạn hành động thay mặt (tiêu đề X-Acting-Unit).', en: 'Choose the unit you act for (X-Acting-Unit header).' },
  },
  CSRF_TOKEN_INVALID: {
    kind: 'forbidden',
    message: {
      vi: 'Biểu mẫu đã hết hạn hoặc thiếu mã chống giả mạo. Hãy tải lại trang rồi gửi lại.',
      en: 'The form has expired or lacks its anti-forgery token. Reload the page and submit it again.',
    },
  },
  CROSS_SITE_REQUEST: {
    kind: 'forbidden',
    message: {
      vi: 'Yêu cầu gửi từ một trang web khác bị từ chối: chỉ các trang của chính hệ thống mới được gửi bằng phiên đăng nhập của bạn.',
      en: "A request sent from another site was refused: only this site's own pages may send with your session.",
    },
  },
  API_JSON_REQUIRED: {
    kind: 'user',
    status: 415,
    message: {
      vi: 'Không có tiêu đề Authorization: Bearer, API chỉ nhận nội dung JSON (Content-Type: application/json).',
      en: 'Without an Authorization: Bearer header, the API accepts only JSON bodies (Content-Type: application/json).',
    },
  },

  UNIT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đơn vị {id}.', en: 'Unit {id} not found.' } },
  UNIT_CODE_TAKEN: { kind: 'conflict', message: { vi: 'Mã đơn vị {code} đã được sử dụng.', en: 'Unit code {code} is already in use.' } },
  UNIT_PARENT_CYCLE: { kind: 'user', message: { vi: 'Đơn vị cấp trên tạo thành vòng lặp.', en: 'The parent unit would create a cycle.' } },
  UNIT_ARCHIVED: { kind: 'conflict', message: { vi: 'Đơn vị {unit} ({code}) đã lưu trữ.', en: 'Unit {unit} ({code}) is archived.' } },
  PERSON_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy cán bộ {id}.', en: 'Person {id} not found.' } },
  USERNAME_TAKEN: { kind: 'conflict', message: { vi: 'Tên đăng nhập {username} đã được sử dụng.', en: 'Username {username} is already in use.' } },
  MANDATE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy ủy quyền {id}.', en: 'Mandate {id} not found.' } },
  MANDATE_DATES_INVALID: { kind: 'user', message: { vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must be after the start date.' } },
  CLUSTER_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy cụm thi đua {id}.', en: 'Cluster {id} not found.' } },
  CLUSTER_NAME_TAKEN: { kind: 'conflict', message: { vi: 'Cụm "{name}" năm {year} đã tồn tại.', en: 'Cluster "{name}" already exists for {year}.' } },
  CLUSTER_LEADER_NOT_MEMBER: {
    kind: 'user',
    message: { vi: 'Cụm trưởng và cụm phó phải là đơn vị thành viên của cụm.', en: 'The head and deputy units must be members of the cluster.' },
  },
  CLUSTER_LEADER_SAME_UNIT: { kind: 'user', message: { vi: 'Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.', en: 'The head and deputy must be different units.' } },
  CLUSTER_LEADER_NOT_EVALUATED: {
    kind: 'user',
    message: {
      vi: 'Đơn vị {unit} không được đánh giá, xếp loại năm {year} nên không thể làm cụm trưởng hoặc cụm phó.',
      en: 'Unit {unit} was not evaluated in {year}, so it cannot be cluster head or deputy.',
    },
  },
  ROLE_GRANT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy quyền {id}.', en: 'Role grant {id} not found.' } },
  CSV_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Tệp CSV có {count} dòng lỗi; chưa nhập dòng nào.', en: 'The CSV file has {count} invalid rows; nothing was imported.' },
  },
  UNIT_HAS_ACTIVE_CHILDREN: {
    kind: 'conflict',
    message: {
      vi: 'Đơn vị {unit} ({code}) còn {count} đơn vị trực thuộc đang hoạt động; hãy lưu trữ hoặc chuyển chúng trước.',
      en: 'Unit {unit} ({code}) still has {count} active child units; archive or move them first.',
    },
  },
  PERSON_ARCHIVED: { kind: 'conflict', message: { vi: 'Cán bộ {person} ({username}) đã lưu trữ.', en: '{person} ({username}) is archived.' } },
  CLUSTER_ARCHIVED: { kind: 'conflict', message: { vi: 'Cụm thi đua "{name}" năm {year} đã lưu trữ.', en: 'Cluster "{name}" of {year} is archived.' } },
  // {role} and {scope} are given in each language (role-grants.service.ts).
  ROLE_GRANT_EXISTS: { kind: 'conflict', message: { vi: '{person} đã có vai trò “{role}” {scope}.', en: '{person} already holds the role “{role}” {scope}.' } },
  LAST_ADMIN: {
    kind: 'conflict',
    message: { vi: 'Không thể bỏ quản trị viên cuối cùng của hệ thống.', en: 'The last administrator cannot be removed.' },
  },
  CSV_CONTENT_TYPE: {
    kind: 'user',
    status: 415,
    message: { vi: 'Hãy gửi tệp CSV với Content-Type: text/csv.', en: 'Send the CSV file with Content-Type: text/csv.' },
  },
  CSV_EMPTY: { kind: 'user', status: 422, message: { vi: 'Tệp CSV không có dòng dữ liệu nào.', en: 'The CSV file has no data rows.' } },
  CSV_TOO_MANY_ROWS: {
    kind: 'user',
    status: 422,
    message: { vi: 'Tệp CSV có {count} dòng, vượt quá giới hạn {limit} dòng mỗi tệp; hãy chia nhỏ tệp.', en: 'The CSV file has {count} rows, more than the limit of {limit} per file; split it.' },
  },
  IMPORT_CONFLICT: {
    kind: 'conflict',
    message: { vi: 'Dữ liệu đã thay đổi trong lúc nhập; chưa nhập dòng nào, hãy thử lại.', en: 'The data changed during the import; nothing was imported, try again.' },
  },

  // Workflow engine: campaigns, stages and tasks.
  CAMPAIGN_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đợt thi đua {id}.', en: 'Campaign {id} not found.' } },
  CAMPAIGN_CHANGED: {
    kind: 'conflict',
    message: { vi: 'Đợt thi đua vừa được người khác cập nhật; vui lòng thử lại.', en: 'The campaign was changed by someone else; please retry.' },
  },
  CAMPAIGN_NOT_RUNNING: { kind: 'conflict', message: { vi: 'Đợt thi đua “{campaign}” không còn hoạt động ({status}).', en: 'Campaign “{campaign}” is no longer running ({status}).' } },
  CAMPAIGN_SUBJECT_INVALID: {
    kind: 'user',
    message: { vi: 'Quy trình này cần đối tượng là {expected}; hãy chọn đúng cụm hoặc đơn vị.', en: 'This workflow runs for a {expected}; choose a matching cluster or unit.' },
  },
  WORKFLOW_VERSION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy phiên bản quy trình {id} (chỉ dùng được phiên bản đã công bố).', en: 'Workflow version {id} not found (only published versions can be launched).' } },
  NOTIFICATION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy thông báo {id}.', en: 'Notification {id} not found.' } },
  TASK_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy nhiệm vụ {id}.', en: 'Task {id} not found.' } },
  CONFIRMATION_REQUIRED: {
    kind: 'user',
    message: { vi: 'Hãy đánh dấu ô xác nhận: "{action}" không thể hoàn tác.', en: 'Tick the confirmation box: "{action}" cannot be undone.' },
  },
  TASK_CLOSED: { kind: 'conflict', message: { vi: 'Nhiệm vụ này đã được xử lý hoặc đã đóng.', en: 'This task is already done or closed.' } },
  STAGE_CLOSED: { kind: 'conflict', message: { vi: 'Bước "{stage}" đã kết thúc.', en: 'Stage "{stage}" is closed.' } },
  NOT_TASK_ASSIGNEE: {
    kind: 'forbidden',
    message: { vi: 'Nhiệm vụ này không giao cho bạn hoặc đơn vị bạn đang đại diện.', en: 'This task is not assigned to you or to the unit you act for.' },
  },
  UNKNOWN_COMMAND: { kind: 'user', message: { vi: 'Thao tác "{command}" không áp dụng cho bước này.', en: 'Command "{command}" does not apply to this stage.' } },
  CAMPAIGN_HAS_NO_DOCUMENT: {
    kind: 'conflict',
    message: {
      vi: 'Đợt thi đua chưa có văn bản để biểu quyết hoặc thảo luận ở bước {stage} (dự thảo giao ước chưa được nộp).',
      en: 'The campaign has no document to vote on or discuss at stage {stage} (no pact draft was submitted).',
    },
  },
  TASK_HAS_NO_BALLOT: { kind: 'conflict', message: { vi: 'Nhiệm vụ này không phải là một lượt biểu quyết.', en: 'This task is not a vote.' } },
  DISCUSSION_NOT_OPEN: {
    kind: 'conflict',
    message: { vi: '“{name}” hiện không ở bước thảo luận, không nhận đề xuất sửa đổi.', en: '“{name}” is not in a discussion stage and takes no amendments now.' },
  },
  TASK_NOT_REVIEWED: { kind: 'conflict', message: { vi: 'Bước {stage} không có người duyệt từng bài nộp.', en: 'Stage {stage} has no review of each submission.' } },
  TASK_NOT_AWAITING_REVIEW: {
    kind: 'conflict',
    message: { vi: 'Bài nộp này không chờ duyệt (chưa nộp, đã được chấp nhận hoặc đã trả lại).', en: 'This submission is not awaiting review (not submitted, already accepted or returned).' },
  },
  NOT_REVIEWER: { kind: 'forbidden', message: { vi: 'Bạn không phải người duyệt bài nộp ở bước này.', en: 'You are not a reviewer of submissions at this stage.' } },
  COMMENT_REQUIRED: { kind: 'user', status: 422, message: { vi: 'Vui lòng ghi rõ lý do.', en: 'Please give a reason.' } },
  ASSIGNEE_NOT_FOUND: { kind: 'user', status: 422, message: { vi: 'Bước "{stage}": không xác định được người/đơn vị thực hiện ({assignee}).', en: 'Stage "{stage}": no assignee found for {assignee}.' } },
  NO_TRANSITION: { kind: 'user', status: 422, message: { vi: 'Bước "{stage}" kết thúc với "{outcome}" nhưng không có bước tiếp theo phù hợp.', en: 'Stage "{stage}" ended with "{outcome}" but no next stage applies.' } },
  WORKFLOW_LOOP: { kind: 'user', status: 422, message: { vi: 'Quy trình chuyển bước liên tục không dừng (tại "{stage}").', en: 'The workflow keeps moving without waiting for anyone (at "{stage}").' } },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.', en: 'This Idempotency-Key was already used for a different request.' },
  },
  IDEMPOTENCY_REQUEST_IN_PROGRESS: {
    kind: 'conflict',
    message: {
      vi: 'Một yêu cầu khác với cùng khóa Idempotency-Key đang được xử lý. Vui lòng thử lại sau {retryAfter} giây.',
      en: 'Another request with this Idempotency-Key is still running. Try again in {retryAfter} seconds.',
    },
  },
  WORKFLOW_DEFINITION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy quy trình {id}.', en: 'Workflow definition {id} not found.' } },
  WORKFLOW_KEY_TAKEN: { kind: 'conflict', message: { vi: 'Mã quy trình {key} đã được sử dụng.', en: 'Workflow key {key} is already in use.' } },
  WORKFLOW_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Bản nháp quy trình có {count} lỗi nên chưa thể công bố (xem details).', en: 'The workflow draft has {count} problems and cannot be published (see details).' },
  },
  WORKFLOW_BUILT_IN: {
    kind: 'conflict',
    message: {
      vi: 'Quy trình có sẵn {key} được nạp từ tệp của hệ thống, không sửa qua API; hãy tạo một quy trình mới với mã khác.',
      en: 'Built-in workflow {key} is loaded from a system file and cannot be edited through the API; create a new workflow with another key.',
    },
  },
  WORKFLOW_CONTENT_PUBLISHED: {
    kind: 'conflict',
    message: {
      vi: 'Nội dung bản nháp trùng với phiên bản {number} đã công bố; hãy dùng lại phiên bản đó hoặc sửa bản nháp.',
      en: 'The draft has the same content as published version {number}; use that version or change the draft.',
    },
  },
  WORKFLOW_PUBLISH_CONFLICT: {
    kind: 'conflict',
    message: { vi: 'Quy trình {key} vừa được công bố đồng thời bởi người khác; vui lòng thử lại.', en: 'Workflow {key} was being published by someone else at the same time; please retry.' },
  },

  // Forms: definitions and their published versions.
  FORM_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy biểu mẫu {id}.', en: 'Form {id} not found.' } },
  FORM_SUBMISSION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy bài nộp biểu mẫu {id}.', en: 'Form submission {id} not found.' } },
  FORM_VERSION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy phiên bản biểu mẫu {id}.', en: 'Form version {id} not found.' } },
  FORM_KEY_TAKEN: { kind: 'conflict', message: { vi: 'Mã biểu mẫu {key} đã được sử dụng.', en: 'Form key {key} is already in use.' } },
  FORM_INVALID: {
    kind: 'user',
    status: 422,
    // Used both for a draft that cannot be published and for submitted data the form refuses.
    message: { vi: 'Biểu mẫu có {count} lỗi (xem details).', en: 'The form has {count} problems (see details).' },
  },
  FORM_CONTENT_PUBLISHED: {
    kind: 'conflict',
    message: {
      vi: 'Nội dung bản nháp trùng với phiên bản {number} đã công bố; hãy dùng lại phiên bản đó hoặc sửa bản nháp.',
      en: 'The draft has the same content as published form version {number}; use that version or change the draft.',
    },
  },
  FORM_PUBLISH_CONFLICT: {
    kind: 'conflict',
    message: { vi: 'Biểu mẫu {key} vừa được công bố đồng thời bởi người khác; vui lòng thử lại.', en: 'Form {key} was being published by someone else at the same time; please retry.' },
  },

  // Working calendar.
  CALENDAR_AMENDMENT_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Ngày {date} không có điều chỉnh lịch làm việc nào.', en: 'There is no working-calendar amendment for {date}.' },
  },

  // Form submissions: server-side validation.
  FORM_TOO_MANY_ROWS: {
    kind: 'too-large',
    message: { vi: 'Các bảng trong biểu mẫu có quá {limit} dòng; hãy chia nhỏ dữ liệu.', en: 'The grids of the form hold more than {limit} rows; split the data.' },
  },
  FORM_VERSION_MISMATCH: {
    kind: 'conflict',
    message: {
      vi: 'Dữ liệu được điền theo một phiên bản khác của biểu mẫu “{form}”, nhưng nhiệm vụ này dùng phiên bản {number}; hãy tải lại biểu mẫu.',
      en: 'The data was filled in another version of the form “{form}”, but this task uses version {number}; reload the form.',
    },
  },
  FORM_LATE_REFUSED: { kind: 'conflict', message: { vi: 'Đã quá hạn nộp biểu mẫu; bước này không nhận bài nộp trễ.', en: 'The form is past its due date and this stage refuses late submissions.' } },
  TASK_HAS_NO_FORM: { kind: 'not-found', message: { vi: 'Nhiệm vụ {id} không có biểu mẫu để điền.', en: 'Task {id} has no form to fill in.' } },
  FORM_DATA_NOT_OBJECT: { kind: 'user', status: 422, message: { vi: 'Dữ liệu biểu mẫu phải là một đối tượng JSON.', en: 'Form data must be a JSON object.' } },
  FORM_SCRIPTS_NOT_ALLOWED: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Biểu mẫu có {count} đoạn mã JavaScript tùy chỉnh nhưng không cho phép mã (settings.allowScripts); xem details.',
      en: 'The form has {count} custom JavaScript snippets but does not allow scripts (settings.allowScripts); see details.',
    },
  },
  FORM_SCRIPT_MEMORY: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Mã JavaScript tùy chỉnh của biểu mẫu dùng quá bộ nhớ cho phép ({limit} MB) hoặc không phản hồi, và đã bị dừng.',
      en: "The form's custom JavaScript used more than its memory limit ({limit} MB) or stopped answering, and was stopped.",
    },
  },
  FORM_SCRIPT_TIMEOUT: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Mã JavaScript tùy chỉnh của biểu mẫu chạy quá thời gian cho phép ({limit} ms mỗi đoạn, {total} ms mỗi lần kiểm tra) và đã bị dừng.',
      en: 'The form\'s custom JavaScript ran over its time limit ({limit} ms per script, {total} ms per validation) and was stopped.',
    },
  },

  ...DOCUMENT_ERRORS,
  ...VOTING_ERRORS,
  ...SIGNING_ERRORS,
  ...STORAGE_ERRORS,
  ...SCHEDULE_ERRORS,
  ...LAUNCH_ERRORS,
  ...SCORING_ERRORS,
  ...RANKING_ERRORS,
  ...COMMENDATION_ERRORS,
  ...RULE_PACK_ERRORS,
  ...WEBHOOK_ERRORS,
  ...MAIL_ERRORS,
  ...IMPORT_ERRORS,
} satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  user: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  operational: 503,
  unexpected: 500,
};

export function catalogEntry(code: ErrorCode): CatalogEntry {
  return ERROR_CATALOG[code];
}

/**
 * The code's message in `language` with its placeholders filled from `params`; a param given in every language
 * (`{ vi, en }`, e.g. a role's name) is shown in that language.
 */
export function catalogMessage(code: ErrorCode, params: Record<string, unknown>, language: Language): string {
  return interpolate(catalogEntry(code).message[language], params, language);
}

export function statusOf(code: ErrorCode): number {
  const entry = catalogEntry(code);
  return entry.status ?? STATUS_BY_KIND[entry.kind];
}
