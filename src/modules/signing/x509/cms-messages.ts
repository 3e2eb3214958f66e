import type { ChainProblem } from './certificate-chain';
import type { KeyUsageVerdict, ValidityPeriod } from './certificate-rules';

/*
 * The verdict's messages, Vietnamese first. Certificates are named by their subject, times are given in
 * Vietnam's time (UTC+7, no daylight saving), which is what the signer's calendar said.
 */

export interface LocalizedText {
  vi: string;
  en: string;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2020-01-31 23:59 (UTC+7)". */
export function vietnamTime(date: Date): string {
  const shifted = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} (UTC+7)`;
}

/** Why a signature file could not be read, said to the person who uploaded it. */
export const FORMAT_PROBLEMS = {
  empty: { vi: 'Tệp chữ ký trống.', en: 'The signature file is empty.' },
  notCms: {
    vi: 'Tệp không phải chữ ký số CMS/PKCS#7 (.p7s) đọc được.',
    en: 'The file is not a readable CMS/PKCS#7 signature (.p7s).',
  },
  wrongPemBlock: (labels: string) => ({
    vi: `Tệp chứa ${labels}, không phải chữ ký số CMS/PKCS#7 (.p7s).`,
    en: `The file holds ${labels}, not a CMS/PKCS#7 signature (.p7s).`,
  }),
  severalSignatures: { vi: 'Tệp chứa nhiều hơn một chữ ký CMS; hãy tải lên một tệp .p7s.', en: 'The file holds more than one CMS signature; upload one .p7s file.' },
  notSignedData: { vi: 'Tệp CMS không phải dữ liệu đã ký (SignedData).', en: 'The CMS file is not SignedData.' },
  signerCount: (count: number) => ({
    vi: `Tệp chữ ký cần đúng một người ký, tệp này có ${count}.`,
    en: `The signature file must have exactly one signer; this one has ${count}.`,
  }),
  signerCertificateMissing: {
    vi: 'Tệp chữ ký không kèm chứng thư số của người ký; hãy ký lại với chứng thư được đính kèm.',
    en: "The signature file does not include the signer's certificate; sign again with the certificate included.",
  },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

export const FORMAT_OK: LocalizedText = { vi: 'Đọc được tệp chữ ký CMS/PKCS#7.', en: 'The CMS/PKCS#7 signature file was read.' };

export const NOT_CHECKED: LocalizedText = {
  vi: 'Chưa kiểm tra được vì không đọc được tệp chữ ký.',
  en: 'Not checked: the signature file could not be read.',
};

export type SignatureProblem = 'content-differs' | 'digest-mismatch' | 'signature-mismatch' | 'unsupported-algorithm' | 'content-type-mismatch';

export function signatureMessage(problem: SignatureProblem | null): LocalizedText {
  switch (problem) {
    case null:
      return { vi: 'Chữ ký khớp với nội dung văn bản ký.', en: 'The signature matches the signed statement.' };
    case 'content-differs':
    case 'digest-mismatch':
      return {
        vi: 'Chữ ký không khớp với văn bản ký: chữ ký được tạo cho một nội dung khác, hoặc văn bản đã bị thay đổi.',
        en: 'The signature does not match the statement: it was made over other content, or the statement was changed.',
      };
    case 'content-type-mismatch':
      return { vi: 'Thuộc tính loại nội dung trong chữ ký không khớp với nội dung được ký.', en: 'The signed content-type attribute does not match the signed content.' };
    case 'signature-mismatch':
      return { vi: 'Giá trị chữ ký không hợp lệ với khóa công khai của chứng thư người ký.', en: "The signature value does not verify with the signer certificate's public key." };
    case 'unsupported-algorithm':
      return { vi: 'Thuật toán ký hoặc băm trong tệp chữ ký không được hỗ trợ.', en: 'The signature or digest algorithm of the file is not supported.' };
  }
}

export function chainMessage(problem: ChainProblem | null, anchorSubject: string | null): LocalizedText {
  if (problem === null) {
    return {
      vi: `Chứng thư số được cấp bởi tổ chức tin cậy (${anchorSubject}). Chưa kiểm tra thu hồi (CRL/OCSP) trực tuyến.`,
      en: `The certificate chains to a trusted authority (${anchorSubject}). Revocation (CRL/OCSP) was not checked online.`,
    };
  }
  switch (problem.kind) {
    case 'issuer-not-found':
      return {
        vi: `Không tìm thấy chứng thư của tổ chức cấp "${problem.issuer}" (cho "${problem.subject}") trong tệp chữ ký hay trong danh sách tổ chức tin cậy.`,
        en: `No certificate of the issuer "${problem.issuer}" (of "${problem.subject}") was found in the file or among the trusted authorities.`,
      };
    case 'untrusted-root':
      return {
        vi: `Chứng thư gốc "${problem.subject}" không nằm trong danh sách tổ chức cung cấp dịch vụ chứng thực tin cậy.`,
        en: `The root certificate "${problem.subject}" is not among the trusted certification authorities.`,
      };
    case 'issuer-not-ca':
      return {
        vi: `Chứng thư "${problem.subject}" không được phép cấp chứng thư khác (không phải CA).`,
        en: `The certificate "${problem.subject}" may not issue certificates (it is not a CA).`,
      };
    case 'path-length-exceeded':
      return {
        vi: `Chuỗi chứng thư vượt quá độ dài mà "${problem.subject}" cho phép.`,
        en: `The chain is longer than "${problem.subject}" allows.`,
      };
    case 'too-long':
      return { vi: 'Chuỗi chứng thư quá dài.', en: 'The certificate chain is too long.' };
  }
}

export function validityMessage(failure: { code: 'CERT_EXPIRED' | 'CERT_NOT_YET_VALID'; period: ValidityPeriod; isSigner: boolean } | null, at: Date): LocalizedText {
  const when = vietnamTime(at);
  if (failure === null) {
    return { vi: `Các chứng thư số còn hiệu lực tại thời điểm ký (${when}).`, en: `The certificates were valid at the signing time (${when}).` };
  }
  const whose = failure.isSigner
    ? { vi: 'Chứng thư số', en: 'The certificate' }
    : { vi: `Chứng thư của tổ chức cấp "${failure.period.subject}"`, en: `The issuer certificate "${failure.period.subject}"` };
  if (failure.code === 'CERT_EXPIRED') {
    const until = vietnamTime(failure.period.notAfter);
    return {
      vi: `${whose.vi} đã hết hạn tại thời điểm ký ${when} (hết hạn ${until}).`,
      en: `${whose.en} had expired at the signing time ${when} (expired ${until}).`,
    };
  }
  const from = vietnamTime(failure.period.notBefore);
  return {
    vi: `${whose.vi} chưa có hiệu lực tại thời điểm ký ${when} (có hiệu lực từ ${from}).`,
    en: `${whose.en} was not yet valid at the signing time ${when} (valid from ${from}).`,
  };
}

export function keyUsageMessage(verdict: KeyUsageVerdict): LocalizedText {
  if (verdict.ok) return { vi: 'Chứng thư số được phép dùng để ký.', en: 'The certificate may be used for signing.' };
  if (verdict.reason === 'no-signing-key-usage') {
    const usages = verdict.keyUsage.join(', ') || '—';
    return {
      vi: `Chứng thư số không được phép dùng để ký (mục đích khóa: ${usages}; cần digitalSignature hoặc nonRepudiation).`,
      en: `The certificate may not be used for signing (key usage: ${usages}; digitalSignature or nonRepudiation is needed).`,
    };
  }
  const purposes = verdict.extendedKeyUsage.join(', ');
  return {
    vi: `Mục đích mở rộng của chứng thư số không cho phép ký văn bản (${purposes}).`,
    en: `The certificate's extended key usage does not allow signing documents (${purposes}).`,
  };
}

export function registeredMessage(registered: boolean, fingerprint: string): LocalizedText {
  return registered
    ? { vi: 'Chứng thư số đã được đăng ký cho người ký.', en: 'The certificate is registered for the signer.' }
    : {
        vi: `Chứng thư số (SHA-256 ${fingerprint}) chưa được đăng ký cho người ký; quản trị viên cần đăng ký chứng thư này.`,
        en: `The certificate (SHA-256 ${fingerprint}) is not registered for the signer; an administrator must register it.`,
      };
}
