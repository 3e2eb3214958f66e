import { interpolate, Language, Text } from '../../common/i18n/language';

/** Texts of the form builder and form filling pages, Vietnamese first; the client scripts get theirs in the page data. */
export const FORM_WEB_TEXTS = {
  navForms: { vi: 'Thiết kế biểu mẫu', en: 'Form design' },
  navSubmissions: { vi: 'Biểu mẫu đã nộp', en: 'Submitted forms' },

  formsTitle: { vi: 'Biểu mẫu', en: 'Forms' },
  formsIntro: {
    vi: 'Thiết kế biểu mẫu bằng trình kéo thả; mỗi lần phát hành tạo một phiên bản không sửa được. Đợt thi đua mới dùng phiên bản mới nhất, đợt đang chạy giữ phiên bản cũ.',
    en: 'Design forms with the drag-and-drop builder; each publication creates a version that never changes. New campaigns use the latest version; running ones keep theirs.',
  },
  formsEmpty: { vi: 'Chưa có biểu mẫu nào.', en: 'No forms yet.' },
  key: { vi: 'Mã', en: 'Key' },
  name: { vi: 'Tên', en: 'Name' },
  origin: { vi: 'Nguồn', en: 'Origin' },
  builtIn: { vi: 'Có sẵn', en: 'Built-in' },
  custom: { vi: 'Tự tạo', en: 'Custom' },
  latestVersion: { vi: 'Phiên bản mới nhất', en: 'Latest version' },
  draftState: { vi: 'Bản nháp', en: 'Draft' },
  draftPublished: { vi: 'Trùng phiên bản mới nhất', en: 'Same as the latest version' },
  draftPending: { vi: 'Có thay đổi chưa phát hành', en: 'Unpublished changes' },
  none: { vi: 'Chưa có', en: 'None' },
  versionNumber: { vi: 'phiên bản {number}', en: 'version {number}' },

  builderTitle: { vi: 'Thiết kế biểu mẫu: {name}', en: 'Form design: {name}' },
  builderHelp: {
    vi: 'Kéo thành phần từ cột trái vào biểu mẫu; bấm vào một thành phần để sửa. “Lưu nháp” giữ thay đổi mà chưa ảnh hưởng đợt thi đua nào; “Phát hành” tạo phiên bản mới.',
    en: 'Drag components from the left column into the form; click a component to edit it. “Save draft” keeps your changes without affecting any campaign; “Publish” creates a new version.',
  },
  loadingBuilder: { vi: 'Đang tải trình thiết kế…', en: 'Loading the builder…' },
  loadingForm: { vi: 'Đang tải biểu mẫu…', en: 'Loading the form…' },
  saveDraft: { vi: 'Lưu nháp', en: 'Save draft' },
  publish: { vi: 'Phát hành', en: 'Publish' },
  preview: { vi: 'Xem trước', en: 'Preview' },
  hidePreview: { vi: 'Ẩn xem trước', en: 'Hide preview' },
  previewHeading: { vi: 'Xem trước (dữ liệu nhập ở đây không được lưu)', en: 'Preview (nothing entered here is saved)' },
  versionsHeading: { vi: 'Các phiên bản', en: 'Versions' },
  versionsEmpty: { vi: 'Chưa phát hành phiên bản nào.', en: 'No version published yet.' },
  version: { vi: 'Phiên bản', en: 'Version' },
  publishedAt: { vi: 'Phát hành lúc', en: 'Published' },
  publishedBy: { vi: 'Người phát hành', en: 'Published by' },
  system: { vi: 'Hệ thống (tệp có sẵn)', en: 'System (built-in file)' },
  contentHash: { vi: 'Mã băm nội dung', en: 'Content hash' },
  changes: { vi: 'Thay đổi', en: 'Changes' },
  diffWithPrevious: { vi: 'So với phiên bản {number}', en: 'Compared with version {number}' },
  firstVersion: { vi: 'Phiên bản đầu tiên', en: 'First version' },

  diffTitle: { vi: 'So sánh phiên bản {from} và {to}: {name}', en: 'Version {from} against {to}: {name}' },
  diffAdded: { vi: 'Thành phần thêm mới', en: 'Components added' },
  diffRemoved: { vi: 'Thành phần bị xóa', en: 'Components removed' },
  diffChanged: { vi: 'Thành phần thay đổi', en: 'Components changed' },
  diffField: { vi: 'Thuộc tính thay đổi', en: 'Properties changed' },
  diffNone: { vi: 'Không có', en: 'None' },
  diffIdentical: { vi: 'Hai phiên bản giống nhau về các thành phần.', en: 'The two versions have the same components.' },
  backToBuilder: { vi: 'Quay lại trang thiết kế', en: 'Back to the builder' },

  taskFormTitle: { vi: '{form} — {unit}', en: '{form} — {unit}' },
  taskFormFacts: { vi: 'Thông tin', en: 'Details' },
  formVersion: { vi: 'Phiên bản biểu mẫu', en: 'Form version' },
  statusLabel: { vi: 'Trạng thái', en: 'Status' },
  statusNone: { vi: 'Chưa nhập', en: 'Not started' },
  statusDraft: { vi: 'Đã lưu nháp', en: 'Draft saved' },
  statusSubmitted: { vi: 'Đã nộp', en: 'Submitted' },
  submittedAt: { vi: 'Nộp lúc', en: 'Submitted at' },
  submitForm: { vi: 'Nộp biểu mẫu', en: 'Submit the form' },
  readOnlyNotice: {
    vi: 'Biểu mẫu này không nhận thêm thay đổi (việc đã xong hoặc đã quá hạn); bạn chỉ xem được nội dung đã lưu.',
    en: 'This form takes no more changes (the task is done or past due); you can only view what was saved.',
  },
  backToInbox: { vi: 'Quay lại việc cần làm', en: 'Back to my tasks' },

  submissionsTitle: { vi: 'Biểu mẫu đã nộp', en: 'Submitted forms' },
  submissionsIntro: {
    vi: 'Các biểu mẫu bạn và đơn vị của bạn đã nộp; mỗi biểu mẫu hiển thị đúng phiên bản đã dùng khi nộp.',
    en: 'Forms you and your units submitted; each is shown in the version it was submitted in.',
  },
  submissionsEmpty: { vi: 'Chưa có biểu mẫu nào được nộp.', en: 'No forms submitted yet.' },
  form: { vi: 'Biểu mẫu', en: 'Form' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  person: { vi: 'Người nộp', en: 'Submitted by' },
  lateBadge: { vi: 'Nộp trễ', en: 'Late' },
  view: { vi: 'Xem', en: 'View' },
  submissionTitle: { vi: '{form} — bản đã nộp', en: '{form} — submission' },
} satisfies Record<string, Text>;

export type FormWebTextKey = keyof typeof FORM_WEB_TEXTS;

/** The page text in a language, with `{name}` placeholders filled. */
export function ft(language: Language, key: FormWebTextKey, params?: Record<string, unknown>): string {
  return interpolate(FORM_WEB_TEXTS[key][language], params);
}

/** Texts the client scripts show (status lines, buttons); sent in the page data. */
export const FORM_CLIENT_TEXTS = {
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu bản nháp lúc {time}.', en: 'Draft saved at {time}.' },
  publishing: { vi: 'Đang phát hành…', en: 'Publishing…' },
  published: { vi: 'Đã phát hành phiên bản {number}.', en: 'Version {number} published.' },
  unchanged: { vi: 'Bản nháp trùng phiên bản {number}; không tạo phiên bản mới.', en: 'The draft is version {number} already; nothing new was published.' },
  submitting: { vi: 'Đang nộp…', en: 'Submitting…' },
  submitted: { vi: 'Đã nộp biểu mẫu lúc {time}.', en: 'Form submitted at {time}.' },
  submittedLate: { vi: 'Đã nộp biểu mẫu lúc {time} (trễ hạn).', en: 'Form submitted at {time} (late).' },
  fixErrors: { vi: 'Máy chủ chưa nhận biểu mẫu: có {count} lỗi, đã đánh dấu ở từng trường.', en: 'The server did not accept the form: {count} errors, marked on each field.' },
  problems: { vi: 'Không phát hành được: {count} vấn đề.', en: 'Could not publish: {count} problems.' },
  networkError: { vi: 'Không kết nối được máy chủ; dữ liệu vẫn còn trên trang, hãy thử lại.', en: 'Could not reach the server; your data is still on the page, try again.' },
  signedOut: { vi: 'Phiên đăng nhập đã hết; hãy tải lại trang và đăng nhập.', en: 'Your session has ended; reload the page and sign in.' },
  statusDraft: FORM_WEB_TEXTS.statusDraft,
  statusSubmitted: FORM_WEB_TEXTS.statusSubmitted,
  /** The name of a field's help icon; the help itself is its description. */
  fieldHelp: { vi: 'Giải thích', en: 'Explanation' },
} satisfies Record<string, Text>;

/** The client texts in one language. */
export function clientTexts(language: Language): Record<keyof typeof FORM_CLIENT_TEXTS, string> {
  return Object.fromEntries(Object.entries(FORM_CLIENT_TEXTS).map(([key, text]) => [key, text[language]])) as Record<keyof typeof FORM_CLIENT_TEXTS, string>;
}
