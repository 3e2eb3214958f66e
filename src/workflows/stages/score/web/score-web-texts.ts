import { interpolate, Language } from '../../../../common/i18n/language';

/** Texts of the score sheet and scoring matrix pages (phiếu chấm điểm, ma trận chấm điểm); Vietnamese first. */
export const SCORE_WEB_TEXTS = {
  openScoreSheet: { vi: 'Mở phiếu chấm điểm', en: 'Open the score sheet' },
  sheetTitle: { vi: 'Phiếu chấm điểm: {unit}', en: 'Score sheet: {unit}' },
  backToInbox: { vi: 'Quay lại hộp việc', en: 'Back to the inbox' },
  campaign: { vi: 'Đợt thi đua', en: 'Campaign' },
  stage: { vi: 'Bước', en: 'Stage' },
  scorer: { vi: 'Đơn vị / người chấm', en: 'Scorer' },
  scored: { vi: 'Đơn vị được chấm', en: 'Scored unit' },
  table: { vi: 'Bảng chấm điểm', en: 'Scoring table' },
  tableVersion: { vi: '{key}, phiên bản {number}', en: '{key}, version {number}' },
  dueAt: { vi: 'Hạn', en: 'Due' },
  noDue: { vi: 'Không có hạn', en: 'No due date' },
  status: { vi: 'Trạng thái', en: 'Status' },
  total: { vi: 'Tổng điểm', en: 'Total' },
  statusDraft: { vi: 'Chưa nộp', en: 'Not submitted' },
  statusSubmitted: { vi: 'Đã nộp', en: 'Submitted' },
  statusRecused: { vi: 'Xin không chấm', en: 'Recused' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  saveDraft: { vi: 'Lưu nháp', en: 'Save draft' },
  submit: { vi: 'Nộp phiếu', en: 'Submit the sheet' },
  readOnly: { vi: 'Phiếu này không còn sửa được.', en: 'This sheet can no longer be changed.' },
  loading: { vi: 'Đang tải phiếu…', en: 'Loading the sheet…' },
  evidenceHeading: { vi: 'Minh chứng', en: 'Evidence' },
  evidenceIntro: {
    vi: 'Tải lên tệp minh chứng (PDF, ảnh, văn bản Office) cho từng tiêu chí; tiêu chí đánh dấu * cần ít nhất một tệp khi được chấm điểm.',
    en: 'Upload evidence files (PDF, images, Office documents) per criterion; criteria marked * need at least one file when given points.',
  },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  files: { vi: 'Tệp', en: 'Files' },
  noFiles: { vi: 'Chưa có tệp', en: 'No files' },
  upload: { vi: 'Tải lên', en: 'Upload' },
  chooseFile: { vi: 'Chọn tệp cho tiêu chí {code}', en: 'Choose a file for criterion {code}' },
  recusalHeading: { vi: 'Xin không chấm', en: 'Recuse' },
  recusalIntro: {
    vi: 'Nếu đơn vị không thể chấm khách quan phiếu này, hãy ghi rõ lý do. Lý do được ghi vào lịch sử đợt thi đua; không thể xin không chấm sau khi đã nộp.',
    en: 'If your unit cannot score this sheet impartially, give the reason. It is kept in the campaign history; a submitted sheet cannot be recused.',
  },
  recusalReason: { vi: 'Lý do', en: 'Reason' },
  recuse: { vi: 'Xin không chấm', en: 'Recuse' },
  recusedBecause: { vi: 'Lý do xin không chấm: {reason}', en: 'Recused because: {reason}' },
  matrixTitle: { vi: 'Ma trận chấm điểm: {campaign}', en: 'Scoring matrix: {campaign}' },
  matrixLink: { vi: 'Ma trận chấm điểm', en: 'Scoring matrix' },
  openMatrix: { vi: 'Xem đơn vị nào đã chấm đơn vị nào', en: 'See who has scored whom' },
  matrixIntro: {
    vi: 'Ai đã chấm ai: mỗi hàng là một phiếu (đơn vị chấm → đơn vị được chấm), với trạng thái, tổng điểm, trễ hạn và lý do xin không chấm.',
    en: 'Who has scored whom: one row per sheet (scorer → scored unit), with its status, total, lateness and recusal reason.',
  },
  matrixSummary: { vi: '{submitted}/{total} phiếu đã nộp, {recused} xin không chấm, {late} trễ hạn', en: '{submitted}/{total} sheets submitted, {recused} recused, {late} late' },
  matrixEmpty: { vi: 'Bạn không có phiếu chấm điểm nào để xem trong đợt thi đua này.', en: 'There are no score sheets for you to see in this campaign.' },
  backToCampaign: { vi: 'Quay lại đợt thi đua', en: 'Back to the campaign' },
} as const;

/** Texts the sheet page's script shows. */
export const SCORE_CLIENT_TEXTS = {
  saving: { vi: 'Đang lưu nháp…', en: 'Saving the draft…' },
  submitting: { vi: 'Đang nộp phiếu…', en: 'Submitting the sheet…' },
  uploading: { vi: 'Đang tải tệp lên…', en: 'Uploading…' },
  recusing: { vi: 'Đang gửi…', en: 'Sending…' },
  saved: { vi: 'Đã lưu nháp lúc {time}.', en: 'Draft saved at {time}.' },
  submitted: { vi: 'Đã nộp phiếu lúc {time}. Tổng điểm: {total}.', en: 'Sheet submitted at {time}. Total: {total}.' },
  uploaded: { vi: 'Đã tải lên {name}.', en: 'Uploaded {name}.' },
  recused: { vi: 'Đã ghi nhận việc xin không chấm.', en: 'The recusal is recorded.' },
  fixErrors: { vi: 'Phiếu có {count} lỗi, hãy sửa các ô được đánh dấu.', en: 'The sheet has {count} problems: fix the marked fields.' },
  chooseFileFirst: { vi: 'Hãy chọn một tệp trước.', en: 'Choose a file first.' },
  reasonRequired: { vi: 'Hãy ghi rõ lý do.', en: 'Please give a reason.' },
  statusSubmitted: SCORE_WEB_TEXTS.statusSubmitted,
  statusDraft: SCORE_WEB_TEXTS.statusDraft,
  statusRecused: SCORE_WEB_TEXTS.statusRecused,
  networkError: { vi: 'Không kết nối được máy chủ; dữ liệu vẫn còn trên trang, hãy thử lại.', en: 'Could not reach the server; your data is still on the page, please try again.' },
  signedOut: { vi: 'Phiên đăng nhập đã hết; hãy đăng nhập lại trong thẻ khác rồi thử lại.', en: 'Your session has ended; sign in again in another tab and retry.' },
  /** The name of a criterion's help icon; the help itself is its description. */
  fieldHelp: { vi: 'Giải thích', en: 'Explanation' },
} as const;

export function sct(language: Language, key: keyof typeof SCORE_WEB_TEXTS, params: Record<string, unknown> = {}): string {
  return interpolate(SCORE_WEB_TEXTS[key][language], params);
}

export function scoreClientTexts(language: Language): Record<keyof typeof SCORE_CLIENT_TEXTS, string> {
  return Object.fromEntries(Object.entries(SCORE_CLIENT_TEXTS).map(([key, text]) => [key, text[language]])) as Record<keyof typeof SCORE_CLIENT_TEXTS, string>;
}
