import type { CatalogEntry } from './error-catalog';

/** Error codes of scheduled launches (lịch tự động phát động); spread into ERROR_CATALOG. */
export const SCHEDULE_ERRORS = {
  LAUNCH_SCHEDULE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy lịch phát động {id}.', en: 'Launch schedule {id} not found.' } },
  SCHEDULE_WORKFLOW_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Không có quy trình mã “{key}”.', en: 'There is no workflow with key “{key}”.' },
  },
  SCHEDULE_WORKFLOW_NOT_PUBLISHED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Quy trình “{workflow}” chưa có phiên bản đã công bố; hãy công bố trước khi lập lịch.', en: 'Workflow “{workflow}” has no published version; publish it before scheduling it.' },
  },
  // `details` names the field: [{ path, message }].
  SCHEDULE_DATE_RULE_INVALID: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Ngày phát động “{date}” không hợp lệ cho năm {year}: cần dạng --MM-DD (ví dụ --11-15) là một ngày có thật.',
      en: 'Launch date “{date}” is not valid for {year}: use --MM-DD (e.g. --11-15), a day that exists.',
    },
  },
  SCHEDULE_SUBJECT_MISMATCH: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Quy trình “{workflow}” chạy cho {expected}, nhưng lịch chọn đối tượng “{subject}”.',
      en: 'Workflow “{workflow}” runs for a {expected}, but the schedule’s subject is “{subject}”.',
    },
  },
  SCHEDULE_UNIT_TYPE_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Đối tượng “các đơn vị cùng loại” cần loại đơn vị (unitType: {types}).', en: 'The subject “units of a type” needs a unit type (unitType: {types}).' },
  },
  SCHEDULE_NAME_TEMPLATE_INVALID: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Mẫu tên đợt thi đua chỉ dùng được {allowed}; không hiểu “{placeholder}”.',
      en: 'The campaign name template may use only {allowed}; “{placeholder}” is unknown.',
    },
  },
  LAUNCH_SCHEDULE_CHANGED: {
    kind: 'conflict',
    message: { vi: 'Lịch phát động vừa được người khác sửa; hãy tải lại rồi thử lại.', en: 'The launch schedule was changed by someone else; reload and try again.' },
  },
  LAUNCH_SCHEDULE_EXISTS: {
    kind: 'conflict',
    message: {
      vi: 'Đã có lịch phát động quy trình “{workflow}” cho năm {year} với cùng đối tượng.',
      en: 'A launch schedule of workflow “{workflow}” for {year} with the same subject already exists.',
    },
  },
} satisfies Record<string, CatalogEntry>;
