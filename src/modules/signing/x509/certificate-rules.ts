import type { KeyUsageName } from './certificates';

/*
 * The pure rules the verifier applies to certificates, on plain data so each can be read and tested as
 * a table (certificate-rules.spec.ts): validity at the signing time, and fitness of a key for signing.
 */

/** A certificate's validity period, with the name to put in a message. */
export interface ValidityPeriod {
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

export type ValidityVerdict =
  | { ok: true }
  | { ok: false; code: 'CERT_EXPIRED' | 'CERT_NOT_YET_VALID'; period: ValidityPeriod };

/**
 * Whether every certificate of the chain (signer first) was valid at `at`. Both bounds are inclusive
 * (RFC 5280, 4.1.2.5). The first certificate out of its period is reported: the signer's own problem
 * before an intermediate's, which is what the person can act on.
 */
export function validityAt(periods: readonly ValidityPeriod[], at: Date): ValidityVerdict {
  for (const period of periods) {
    if (at.getTime() > period.notAfter.getTime()) return { ok: false, code: 'CERT_EXPIRED', period };
    if (at.getTime() < period.notBefore.getTime()) return { ok: false, code: 'CERT_NOT_YET_VALID', period };
  }
  return { ok: true };
}

/** Extended key usages that allow signing a document (OIDs). */
export const SIGNING_EXTENDED_KEY_USAGES: Readonly<Record<string, string>> = {
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.36': 'documentSigning',
  '1.3.6.1.4.1.311.10.3.12': 'msDocumentSigning',
  '1.2.840.113583.1.1.5': 'adobeAuthenticDocumentsTrust',
};

export type KeyUsageVerdict =
  | { ok: true }
  | { ok: false; reason: 'no-signing-key-usage'; keyUsage: KeyUsageName[] }
  | { ok: false; reason: 'extended-key-usage-excludes-signing'; extendedKeyUsage: string[] };

/**
 * Whether the signer's certificate may sign a statement:
 * - key usage absent: allowed (RFC 5280 leaves the key unrestricted);
 * - key usage present: needs `digitalSignature` or `nonRepudiation` (contentCommitment); a key for
 *   certificates, CRLs or encryption only may not sign a statement;
 * - extended key usage absent: allowed; present: needs one of SIGNING_EXTENDED_KEY_USAGES. The list
 *   takes `clientAuth` and `emailProtection` because the personal certificates Vietnamese CAs issue on
 *   USB tokens carry those (and no document-signing purpose), and refuses keys confined to servers,
 *   code, time stamps or OCSP responses.
 */
export function signingKeyUsage(keyUsage: readonly KeyUsageName[] | null, extendedKeyUsage: readonly string[] | null): KeyUsageVerdict {
  if (keyUsage !== null && !keyUsage.includes('digitalSignature') && !keyUsage.includes('nonRepudiation')) {
    return { ok: false, reason: 'no-signing-key-usage', keyUsage: [...keyUsage] };
  }
  if (extendedKeyUsage !== null && !extendedKeyUsage.some((oid) => oid in SIGNING_EXTENDED_KEY_USAGES)) {
    return { ok: false, reason: 'extended-key-usage-excludes-signing', extendedKeyUsage: [...extendedKeyUsage] };
  }
  return { ok: true };
}
