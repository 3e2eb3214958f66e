import { interpolate, Text } from '../../../common/i18n/language';

/** Why a passkey response was refused; stable codes that the service, the pages and `thidua verify` all print. */
export type PasskeyFailureCode =
  | 'PASSKEY_CHALLENGE_MISMATCH'
  | 'PASSKEY_ORIGIN_MISMATCH'
  | 'PASSKEY_RP_MISMATCH'
  | 'PASSKEY_USER_NOT_VERIFIED'
  | 'PASSKEY_SIGNATURE_INVALID'
  | 'PASSKEY_CREDENTIAL_MISMATCH'
  | 'PASSKEY_MALFORMED';

/**
 * What is stored with a passkey signature, and all that is needed to check it again without the server:
 * every binary value is base64url, as WebAuthn carries it. The signature covers
 * `authenticatorData ‖ SHA-256(clientDataJSON)`, and clientDataJSON names the statement hash as its challenge.
 */
export interface PasskeyEvidence {
  credentialId: string;
  /** The credential's COSE public key. */
  publicKey: string;
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
  userHandle?: string;
  /** The RP ID and origin the signature was checked against when it was made. */
  rpId: string;
  origin: string;
}

/** The answer about one passkey signature: valid or the reason why not, with a message in both languages. */
export interface PasskeyVerdict {
  valid: boolean;
  code?: PasskeyFailureCode;
  message: Text;
  /** The authenticator's new signature counter, to store on the credential (only when valid). */
  newCounter?: number;
  /** What to store with the signature (only when valid). */
  evidence?: PasskeyEvidence;
}

/**
 * Finer reasons behind a code: a counter that went backwards is a credential mismatch (the authenticator answering
 * is not in the state we know the registered one to be in, e.g. a copy), but it deserves its own words.
 */
export type PasskeyFailureReason = PasskeyFailureCode | 'PASSKEY_COUNTER_REGRESSED';

const FAILURE_TEXT: Record<PasskeyFailureReason, Text> = {
  PASSKEY_CHALLENGE_MISMATCH: {
    vi: 'Khóa truy cập không khớp với lời cam kết cần ký: chữ ký này được tạo cho một nội dung khác.',
    en: 'The passkey response does not match the statement to sign: it was made for other content.',
  },
  PASSKEY_ORIGIN_MISMATCH: {
    vi: 'Chữ ký được tạo trên trang {actual}, không phải trang {expected} của hệ thống.',
    en: 'The signature was made on {actual}, not on this system’s page {expected}.',
  },
  PASSKEY_RP_MISMATCH: {
    vi: 'Khóa truy cập này thuộc về một trang khác, không phải {expected}.',
    en: 'This passkey belongs to another site, not {expected}.',
  },
  PASSKEY_USER_NOT_VERIFIED: {
    vi: 'Thiết bị chưa xác minh người ký (vân tay, khuôn mặt hoặc mã PIN); cần xác minh để ký.',
    en: 'The device did not verify the signer (fingerprint, face or PIN); verification is required to sign.',
  },
  PASSKEY_SIGNATURE_INVALID: {
    vi: 'Chữ ký không hợp lệ với khóa công khai của khóa truy cập đã đăng ký.',
    en: 'The signature does not verify with the registered passkey’s public key.',
  },
  PASSKEY_CREDENTIAL_MISMATCH: {
    vi: 'Chữ ký được tạo bằng một khóa truy cập khác với khóa đã đăng ký của người ký.',
    en: 'The signature was made with another passkey than the signer’s registered one.',
  },
  PASSKEY_COUNTER_REGRESSED: {
    vi: 'Bộ đếm của khóa truy cập bị lùi ({actual} ≤ {expected}): khóa có thể đã bị sao chép.',
    en: 'The passkey’s counter went backwards ({actual} ≤ {expected}): the key may have been copied.',
  },
  PASSKEY_MALFORMED: {
    vi: 'Phản hồi của khóa truy cập không đúng định dạng ({field}).',
    en: 'The passkey response is malformed ({field}).',
  },
};

const codeOfReason = (reason: PasskeyFailureReason): PasskeyFailureCode =>
  reason === 'PASSKEY_COUNTER_REGRESSED' ? 'PASSKEY_CREDENTIAL_MISMATCH' : reason;

/** A refusal, raised by the checks as a value (never thrown past this module's callers). */
export interface PasskeyFailure {
  reason: PasskeyFailureReason;
  params?: Record<string, unknown>;
}

export const passkeyFailure = (reason: PasskeyFailureReason, params: Record<string, unknown> = {}): PasskeyFailure => ({ reason, params });

/** A refused verdict, the shape every refusal (of a signature or a registration) takes. */
export interface PasskeyRefusal {
  valid: false;
  code: PasskeyFailureCode;
  message: Text;
}

/** The verdict for a refusal: its stable code and its message with the particulars filled in. */
export function refusedVerdict({ reason, params = {} }: PasskeyFailure): PasskeyRefusal {
  const text = FAILURE_TEXT[reason];
  return { valid: false, code: codeOfReason(reason), message: { vi: interpolate(text.vi, params), en: interpolate(text.en, params) } };
}

export const VALID_SIGNATURE_TEXT: Text = {
  vi: 'Chữ ký bằng khóa truy cập hợp lệ: đúng lời cam kết, đúng người ký đã xác minh.',
  en: 'The passkey signature is valid: the right statement, by the verified signer.',
};

export const VALID_REGISTRATION_TEXT: Text = {
  vi: 'Đã xác nhận khóa truy cập mới.',
  en: 'The new passkey is confirmed.',
};
