import type { CatalogEntry } from './error-catalog';

/** Error codes of signing (ký kết): envelopes, statements, the three methods; spread into ERROR_CATALOG. */
export const SIGNING_ERRORS = {
  CAMPAIGN_HAS_NO_ADOPTED_VERSION: {
    kind: 'conflict',
    message: { vi: 'Giai đoạn ký “{stage}” cần một phiên bản đã được biểu quyết thông qua trước đó.', en: 'Signing stage “{stage}” needs a version adopted by an earlier vote.' },
  },
  SIGNING_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đợt ký {id}.', en: 'Signing {id} not found.' } },
  TASK_HAS_NO_SIGNATURE: { kind: 'user', status: 422, message: { vi: 'Nhiệm vụ này không phải là nhiệm vụ ký.', en: 'This task is not a signing task.' } },
  SIGNER_ROLE_NOT_ALLOWED: {
    kind: 'forbidden',
    message: { vi: 'Chỉ {roles} mới được ký thay mặt đơn vị; ủy quyền của bạn là “{role}”.', en: 'Only the {roles} may sign for the unit; your mandate is “{role}”.' },
  },
  SIGNING_METHOD_NOT_ALLOWED: { kind: 'user', status: 422, message: { vi: 'Giai đoạn ký này không cho phép hình thức ký “{method}”.', en: 'This signing stage does not allow the “{method}” method.' } },
  SIGNING_STATEMENT_INVALID: { kind: 'user', status: 422, message: { vi: 'Tệp lời cam kết ký không đúng định dạng.', en: 'The signing statement file is malformed.' } },
  SIGNING_STATEMENT_MISMATCH: {
    kind: 'user',
    status: 422,
    message: { vi: 'Lời cam kết đã ký không khớp với lời cam kết của đơn vị ở các mục: {fields}.', en: 'The signed statement does not match the unit’s statement in: {fields}.' },
  },
  SIGNING_VERSION_MISMATCH: {
    kind: 'conflict',
    message: { vi: 'Chỉ được ký phiên bản đã được thông qua (mã băm {expected}…); lời cam kết này nói về một văn bản khác.', en: 'Only the adopted version (hash {expected}…) may be signed; this statement is about another text.' },
  },
  SIGNING_STATEMENT_STALE: {
    kind: 'user',
    status: 422,
    message: { vi: 'Thời điểm ký trong lời cam kết ({signedAt}) nằm ngoài thời gian ký; hãy tải lời cam kết mới.', en: 'The statement’s signing time ({signedAt}) is outside the signing window; download a fresh statement.' },
  },
  SIGNATURE_INVALID: { kind: 'user', status: 422, message: { vi: 'Chữ ký không hợp lệ: {reason}', en: 'The signature is not valid: {reason}' } },
  PASSKEY_NOT_REGISTERED: { kind: 'user', status: 422, message: { vi: 'Khóa truy cập này chưa được đăng ký cho tài khoản của bạn.', en: 'This passkey is not registered to your account.' } },
  SIGNATURE_EXISTS: { kind: 'conflict', message: { vi: 'Đơn vị {unit} đã ký hoặc đã được ghi nhận chữ ký.', en: 'Unit {unit} has already signed or has a signature recorded.' } },
  PAPER_SIGNATURE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Chưa có chữ ký trên giấy nào của đơn vị chờ xác nhận.', en: 'No paper signature of the unit awaits confirmation.' } },
  SCAN_INVALID: { kind: 'user', status: 422, message: { vi: 'Bản quét phải là tệp PDF, PNG hoặc JPEG.', en: 'The scan must be a PDF, PNG or JPEG file.' } },
  SIGNER_MANDATE_NOT_FOUND: {
    kind: 'user',
    status: 422,
    message: { vi: 'Không tìm thấy ủy quyền {roles} còn hiệu lực của đơn vị cho người ký.', en: 'No valid {roles} mandate of the unit was found for the signer.' },
  },
  PASSKEY_REGISTRATION_INVALID: { kind: 'user', status: 422, message: { vi: 'Không đăng ký được khóa truy cập: {reason}', en: 'The passkey could not be registered: {reason}' } },
  PASSKEY_TICKET_INVALID: { kind: 'user', status: 422, message: { vi: 'Phiên đăng ký khóa truy cập đã hết hạn hoặc không hợp lệ; hãy thử lại.', en: 'The passkey registration session expired or is invalid; please try again.' } },
  PASSKEY_EXISTS: { kind: 'conflict', message: { vi: 'Khóa truy cập này đã được đăng ký.', en: 'This passkey is already registered.' } },
  CERTIFICATE_INVALID: { kind: 'user', status: 422, message: { vi: 'Tệp không phải là chứng thư số X.509 hợp lệ: {reason}', en: 'The file is not a valid X.509 certificate: {reason}' } },
  BUNDLE_FILE_REQUIRED: { kind: 'user', message: { vi: 'Hãy chọn tệp hồ sơ kiểm chứng (.zip) để tải lên.', en: 'Choose the verification bundle (.zip) to upload.' } },
  BUNDLE_SEALED_BY_SECRET_BALLOT: {
    kind: 'conflict',
    message: {
      vi: 'Chưa thể xuất hồ sơ kiểm chứng: cuộc bỏ phiếu kín “{poll}” có dưới {count} phiếu, lịch sử đầy đủ sẽ lộ đơn vị đã bỏ phiếu.',
      en: 'The verification bundle cannot be exported yet: secret poll “{poll}” has fewer than {count} ballots, and the full history would show which units voted.',
    },
  },
} satisfies Record<string, CatalogEntry>;
