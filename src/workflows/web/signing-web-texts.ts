import { interpolate, Language, Text } from '../../common/i18n/language';

/** Texts of the signing page (ký kết) and the account's passkeys page, Vietnamese first. */
export const SIGNING_WEB_TEXTS = {
  openSigning: { vi: 'Xem và ký', en: 'See and sign' },
  signingTitle: { vi: 'Ký giao ước: {unit}', en: 'Sign the pact: {unit}' },
  backToCampaign: { vi: 'Quay lại đợt thi đua', en: 'Back to the campaign' },
  backToInbox: { vi: 'Quay lại hộp việc', en: 'Back to the inbox' },
  document: { vi: 'Văn bản ký', en: 'Text signed' },
  versionNumber: { vi: 'Phiên bản', en: 'Version' },
  versionOf: { vi: 'phiên bản {n}', en: 'version {n}' },
  contentHash: { vi: 'Mã băm nội dung', en: 'Content hash' },
  registrationsHash: { vi: 'Mã băm danh sách đăng ký danh hiệu', en: 'Hash of the title registrations' },
  methods: { vi: 'Hình thức ký', en: 'Signing methods' },
  signerRoles: { vi: 'Người ký cho đơn vị', en: 'Who signs for a unit' },
  state: { vi: 'Tình trạng', en: 'Status' },
  inForceSince: { vi: 'Giao ước có hiệu lực từ {time}.', en: 'The pact is in force since {time}.' },
  declinedNotice: { vi: 'Một đơn vị đã từ chối ký; giao ước trở lại bước thảo luận.', en: 'A unit declined to sign; the pact went back to the discussion.' },
  registrationsHeading: { vi: 'Đăng ký danh hiệu thi đua (tổng hợp)', en: 'Title registrations (consolidated)' },
  registrationsIntro: { vi: 'Danh sách cụm phó trình bày tại hội nghị ký kết; mã băm của danh sách nằm trong lời cam kết của mỗi đơn vị.', en: 'The list the deputy presents at the signing conference; its hash is in every unit’s statement.' },
  registrationsNone: { vi: 'Chưa có đơn vị nào đăng ký danh hiệu.', en: 'No unit registered titles.' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  individualCount: { vi: 'Số cá nhân đăng ký danh hiệu', en: 'Individuals registered' },
  signaturesHeading: { vi: 'Tiến độ ký', en: 'Signatures' },
  signedProgress: { vi: '{signed}/{total} đơn vị đã ký', en: '{signed}/{total} units have signed' },
  signer: { vi: 'Người ký', en: 'Signer' },
  method: { vi: 'Hình thức', en: 'Method' },
  signedAt: { vi: 'Thời điểm ký', en: 'Signed at' },
  statementHash: { vi: 'Mã băm lời cam kết', en: 'Statement hash' },
  certificate: { vi: 'Chứng thư số', en: 'Certificate' },
  notYet: { vi: 'Chưa ký', en: 'Not signed yet' },
  signHeading: { vi: 'Ký cho {unit}', en: 'Sign for {unit}' },
  statementHeading: { vi: 'Lời cam kết ký', en: 'The signing statement' },
  statementIntro: {
    vi: 'Điều được ký là lời cam kết này: nó nêu mã băm của phiên bản đã thông qua, mã băm danh sách đăng ký danh hiệu, đơn vị, người ký và ủy quyền.',
    en: 'What is signed is this statement: it names the adopted version’s hash, the title registrations’ hash, the unit, the signer and the mandate.',
  },
  downloadStatement: { vi: 'Tải lời cam kết (tệp JSON)', en: 'Download the statement (JSON file)' },
  passkeyHeading: { vi: 'Ký bằng khóa truy cập', en: 'Sign with a passkey' },
  passkeyButton: { vi: 'Ký bằng khóa truy cập', en: 'Sign with a passkey' },
  passkeyNone: { vi: 'Bạn chưa đăng ký khóa truy cập nào.', en: 'You have not registered a passkey.' },
  passkeyRegisterLink: { vi: 'Đăng ký khóa truy cập', en: 'Register a passkey' },
  passkeyWorking: { vi: 'Đang chờ khóa truy cập xác nhận…', en: 'Waiting for the passkey…' },
  passkeyCancelled: { vi: 'Chưa ký: thao tác với khóa truy cập đã bị hủy hoặc hết thời gian.', en: 'Not signed: the passkey prompt was cancelled or timed out.' },
  passkeyUnsupported: { vi: 'Trình duyệt này không hỗ trợ khóa truy cập.', en: 'This browser does not support passkeys.' },
  passkeyFailed: { vi: 'Khóa truy cập báo lỗi: {reason}', en: 'The passkey failed: {reason}' },
  x509Heading: { vi: 'Ký bằng chữ ký số (X.509)', en: 'Sign with a digital signature (X.509)' },
  x509Intro: {
    vi: 'Tải lời cam kết, ký tệp bằng công cụ ký số của đơn vị (chữ ký tách rời CMS/PKCS#7, tệp .p7s), rồi gửi cả hai tệp trong 24 giờ.',
    en: 'Download the statement, sign the file with your unit’s signing tool (a detached CMS/PKCS#7 signature, a .p7s file), then send both files within 24 hours.',
  },
  statementFile: { vi: 'Tệp lời cam kết đã ký (.json)', en: 'The statement file you signed (.json)' },
  signatureFile: { vi: 'Tệp chữ ký (.p7s)', en: 'The signature file (.p7s)' },
  x509Button: { vi: 'Gửi chữ ký số', en: 'Send the signature' },
  filesMissing: { vi: 'Hãy chọn tệp lời cam kết và tệp chữ ký.', en: 'Choose the statement file and the signature file.' },
  declineHeading: { vi: 'Từ chối ký', en: 'Decline to sign' },
  declineIntro: { vi: 'Từ chối ký đưa giao ước trở lại bước thảo luận. Lý do được ghi vào lịch sử đợt thi đua.', en: 'Declining sends the pact back to the discussion. The reason is kept in the campaign’s history.' },
  declineReason: { vi: 'Lý do từ chối', en: 'Reason' },
  declineButton: { vi: 'Từ chối ký', en: 'Decline' },
  notSigner: { vi: 'Bạn thay mặt {unit} với ủy quyền “{role}”; chỉ {roles} mới được ký.', en: 'You act for {unit} as “{role}”; only the {roles} may sign.' },
  alreadySigned: { vi: '{unit} đã ký.', en: '{unit} has signed.' },
  signingClosed: { vi: 'Việc ký đã kết thúc.', en: 'Signing is over.' },
  paperHeading: { vi: 'Ghi nhận chữ ký trên giấy', en: 'Record a paper signature' },
  paperIntro: {
    vi: 'Dành cho thư ký: {unit} đã ký bản giấy tại hội nghị. Đính kèm trang ký đã quét (PDF, PNG hoặc JPEG); chữ ký được tính khi đơn vị xác nhận.',
    en: 'For the secretary: {unit} signed the paper copy at the conference. Attach the scanned signed page (PDF, PNG or JPEG); it counts once the unit confirms it.',
  },
  scanFile: { vi: 'Bản quét trang ký', en: 'Scanned signed page' },
  paperSignedAt: { vi: 'Thời điểm ký (để trống: bây giờ)', en: 'Signed at (empty: now)' },
  paperNote: { vi: 'Ghi chú', en: 'Note' },
  paperButton: { vi: 'Ghi nhận chữ ký trên giấy', en: 'Record the paper signature' },
  scanMissing: { vi: 'Hãy chọn tệp bản quét.', en: 'Choose the scan file.' },
  paperPendingHeading: { vi: 'Chữ ký trên giấy chờ đơn vị xác nhận', en: 'Paper signature awaiting the unit’s confirmation' },
  paperPending: { vi: '{recorder} đã ghi nhận {signer} ký bản giấy lúc {time}.', en: '{recorder} recorded that {signer} signed the paper copy at {time}.' },
  confirmPaper: { vi: 'Xác nhận chữ ký', en: 'Confirm the signature' },
  disputeReason: { vi: 'Lý do phản đối', en: 'Why you dispute it' },
  disputePaper: { vi: 'Phản đối', en: 'Dispute' },
  passkeyAnswer: { vi: 'phản hồi của khóa truy cập', en: 'the passkey’s answer' },
  flashSigned: { vi: 'Đã ký cho {unit}. Mã băm lời cam kết: {hash}.', en: 'Signed for {unit}. Statement hash: {hash}.' },
  flashDeclined: { vi: 'Đã ghi nhận việc từ chối ký.', en: 'Your decline was recorded.' },
  flashPaper: { vi: 'Đã ghi nhận chữ ký trên giấy; đơn vị được mời xác nhận.', en: 'Paper signature recorded; the unit is asked to confirm.' },
  flashConfirmed: { vi: 'Đơn vị đã xác nhận chữ ký trên giấy.', en: 'The unit confirmed the paper signature.' },
  flashDisputed: { vi: 'Đã gửi phản đối; bản ghi chữ ký trên giấy bị hủy.', en: 'Dispute sent; the paper signature record was removed.' },
  networkError: { vi: 'Không kết nối được máy chủ. Hãy thử lại.', en: 'Could not reach the server. Please try again.' },
  // The account's passkeys.
  passkeysTitle: { vi: 'Khóa truy cập để ký', en: 'Passkeys for signing' },
  passkeysIntro: {
    vi: 'Khóa truy cập (passkey) dùng để ký giao ước thay mặt đơn vị: thiết bị của bạn giữ khóa bí mật, máy chủ chỉ lưu khóa công khai.',
    en: 'Passkeys sign pacts for your unit: your device keeps the private key, the server only its public key.',
  },
  passkeysNone: { vi: 'Bạn chưa đăng ký khóa truy cập nào.', en: 'You have no passkeys yet.' },
  passkeyLabel: { vi: 'Tên khóa', en: 'Name' },
  passkeyCreated: { vi: 'Đăng ký lúc', en: 'Registered' },
  passkeyLastUsed: { vi: 'Dùng lần cuối', en: 'Last used' },
  passkeyNeverUsed: { vi: 'Chưa dùng', en: 'Never' },
  passkeyRemove: { vi: 'Gỡ khóa', en: 'Remove' },
  passkeyRemoveFor: { vi: 'Gỡ khóa “{label}”', en: 'Remove “{label}”' },
  registerHeading: { vi: 'Đăng ký khóa truy cập mới', en: 'Register a new passkey' },
  registerLabel: { vi: 'Tên gợi nhớ của khóa', en: 'A name for this passkey' },
  registerLabelDefault: { vi: 'Khóa của tôi', en: 'My passkey' },
  registerButton: { vi: 'Đăng ký khóa truy cập', en: 'Register a passkey' },
  registerWorking: { vi: 'Đang chờ thiết bị tạo khóa…', en: 'Waiting for your device…' },
  flashRegistered: { vi: 'Đã đăng ký khóa truy cập “{label}”.', en: 'Passkey “{label}” registered.' },
  flashRemoved: { vi: 'Đã gỡ khóa truy cập.', en: 'Passkey removed.' },
  backToSigning: { vi: 'Quay lại trang ký', en: 'Back to the signing page' },
  navPasskeys: { vi: 'Khóa truy cập', en: 'Passkeys' },
} satisfies Record<string, Text>;

export type SigningWebTextKey = keyof typeof SIGNING_WEB_TEXTS;

export function st(language: Language, key: SigningWebTextKey, params?: Record<string, unknown>): string {
  return interpolate(SIGNING_WEB_TEXTS[key][language], params);
}

/** The texts the pages' script shows, in the page language. */
export function signingClientTexts(language: Language): Record<string, string> {
  const keys: SigningWebTextKey[] = ['passkeyWorking', 'passkeyCancelled', 'passkeyUnsupported', 'passkeyFailed', 'filesMissing', 'scanMissing', 'registerWorking', 'networkError'];
  return Object.fromEntries(keys.map((key) => [key, SIGNING_WEB_TEXTS[key][language]]));
}

export const SIGNATURE_METHOD_TEXTS: Record<string, Text> = {
  passkey: { vi: 'Khóa truy cập', en: 'Passkey' },
  x509: { vi: 'Chữ ký số (X.509)', en: 'Digital signature (X.509)' },
  paper: { vi: 'Ký trên giấy', en: 'On paper' },
};

export const ENVELOPE_STATUS_TEXTS: Record<string, Text> = {
  open: { vi: 'Đang ký', en: 'Signing open' },
  'in-force': { vi: 'Có hiệu lực', en: 'In force' },
  declined: { vi: 'Bị từ chối ký', en: 'Declined' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

export const SIGNATURE_STATUS_TEXTS: Record<string, Text> = {
  valid: { vi: 'Đã ký', en: 'Signed' },
  'awaiting-confirmation': { vi: 'Ký trên giấy, chờ đơn vị xác nhận', en: 'On paper, awaiting the unit’s confirmation' },
  declined: { vi: 'Từ chối ký', en: 'Declined' },
};

/** Mandate roles as the signing page names them. */
export const MANDATE_ROLE_TEXTS: Record<string, Text> = {
  head: { vi: 'thủ trưởng đơn vị', en: 'head of the unit' },
  deputy: { vi: 'cấp phó', en: 'deputy' },
  officer: { vi: 'cán bộ', en: 'officer' },
};
