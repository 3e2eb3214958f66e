import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CERTIFICATE_PEM_LABELS, readDerBlocks, toPem } from './der-input';
import { distinguishedName } from './distinguished-name';

/*
 * Certificates as administrators upload them (a person's signing certificate, the trusted roots and
 * intermediates) and as the verifier reads them. Everything here is synchronous and needs no crypto
 * engine: signatures are checked in certificate-chain.ts and cms-verifier.ts.
 */

/** A certificate with the DER it was read from, which its fingerprint and PEM are computed on. */
export interface ParsedCertificate {
  der: Uint8Array;
  certificate: pkijs.Certificate;
  /** Lowercase hex SHA-256 of `der`, the form administrators register. */
  fingerprintSha256: string;
}

/** What a person (or an administrator registering one) reads about a certificate. */
export interface CertificateSummary {
  /** RFC 4514, most specific first: "CN=Nguyễn Văn A,O=VKSND Thanh Hóa,C=VN". */
  subject: string;
  issuer: string;
  /** Lowercase hex without separators. */
  serialNumber: string;
  fingerprintSha256: string;
  /** ISO 8601 in UTC. */
  notBefore: string;
  notAfter: string;
}

/** Why an upload is not a certificate (or a bundle of them); `code` is stable, messages are for people. */
export class CertificateInputError extends Error {
  readonly code = 'CERTIFICATE_INVALID';

  constructor(readonly messages: { vi: string; en: string }) {
    super(messages.en);
    this.name = 'CertificateInputError';
  }
}

/** Hex SHA-256 of DER bytes, lowercase and without separators. */
export function sha256Hex(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/** Registered fingerprints are compared in this form, so "AB:CD…" copied from a viewer also matches. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[\s:]/g, '').toLowerCase();
}

/** One DER block as a certificate, or null when it is not exactly one X.509 certificate. */
export function decodeCertificate(der: Uint8Array): ParsedCertificate | null {
  try {
    const asn1 = asn1js.fromBER(der);
    if (asn1.offset !== der.byteLength) return null;
    const certificate = new pkijs.Certificate({ schema: asn1.result });
    return { der, certificate, fingerprintSha256: sha256Hex(der) };
  } catch {
    return null;
  }
}

/**
 * Every certificate in an upload: one DER certificate, or PEM text with one or more `CERTIFICATE` blocks.
 * Throws CertificateInputError when there is no certificate, or any block is not one (a private key, a
 * CMS file, garbage), naming what was found: an administrator should fix the file, not lose a block.
 */
export function parseCertificates(bytes: Uint8Array): ParsedCertificate[] {
  const { blocks, otherLabels, unreadableBlocks } = readDerBlocks(bytes, CERTIFICATE_PEM_LABELS);
  if (otherLabels.length > 0) {
    const labels = otherLabels.join(', ');
    throw new CertificateInputError({
      vi: `Tệp có khối ${labels}, không phải chứng thư số (cần khối CERTIFICATE hoặc tệp .cer dạng DER).`,
      en: `The file holds ${labels}, which is not a certificate (a CERTIFICATE block or a DER .cer file is needed).`,
    });
  }
  const certificates = blocks.map(decodeCertificate);
  const unreadable = unreadableBlocks + certificates.filter((certificate) => certificate === null).length;
  if (unreadable > 0) {
    throw new CertificateInputError({
      vi: `Tệp có ${unreadable} khối không đọc được thành chứng thư số X.509.`,
      en: `${unreadable} block(s) of the file could not be read as an X.509 certificate.`,
    });
  }
  if (certificates.length === 0) {
    throw new CertificateInputError({
      vi: 'Tệp không chứa chứng thư số nào (cần tệp .cer/.crt/.pem).',
      en: 'The file contains no certificate (a .cer, .crt or .pem file is needed).',
    });
  }
  return certificates as ParsedCertificate[];
}

/** Exactly one certificate from an upload, for registering a person's signing certificate. */
export function parseSingleCertificate(bytes: Uint8Array): ParsedCertificate {
  const certificates = parseCertificates(bytes);
  if (certificates.length > 1) {
    throw new CertificateInputError({
      vi: `Tệp có ${certificates.length} chứng thư số; hãy tải lên đúng một chứng thư của người ký.`,
      en: `The file holds ${certificates.length} certificates; upload exactly the signer's one.`,
    });
  }
  return certificates[0];
}

/** The lowercase hex SHA-256 fingerprint administrators register for a person. Throws like parseCertificates. */
export function certificateFingerprint(certificate: Uint8Array): string {
  return parseSingleCertificate(certificate).fingerprintSha256;
}

/** Summary of a certificate upload (DER or PEM, one certificate) or of an already parsed certificate. */
export function summarizeCertificate(certificate: Uint8Array | ParsedCertificate): CertificateSummary {
  const parsed = certificate instanceof Uint8Array ? parseSingleCertificate(certificate) : certificate;
  const { subject, issuer, serialNumber, notBefore, notAfter } = parsed.certificate;
  return {
    subject: distinguishedName(subject),
    issuer: distinguishedName(issuer),
    // Without DER's sign-padding zero byte, as `openssl x509 -serial` prints it.
    serialNumber: Buffer.from(serialNumber.valueBlock.valueHexView).toString('hex').replace(/^(?:00)+(?=[0-9a-f]{2})/, ''),
    fingerprintSha256: parsed.fingerprintSha256,
    notBefore: notBefore.value.toISOString(),
    notAfter: notAfter.value.toISOString(),
  };
}

export function certificatePem(certificate: ParsedCertificate): string {
  return toPem(certificate.der, 'CERTIFICATE');
}

const KEY_USAGE_NAMES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGE_NAMES)[number];

function extension(certificate: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((candidate) => candidate.extnID === oid);
}

/** The key usage bits that are set (RFC 5280, 4.2.1.3), or null when the extension is absent. */
export function keyUsageOf(certificate: pkijs.Certificate): KeyUsageName[] | null {
  const found = extension(certificate, '2.5.29.15');
  if (!found) return null;
  const bits = (found.parsedValue as asn1js.BitString | undefined)?.valueBlock.valueHexView ?? new Uint8Array();
  // Bit 0 (digitalSignature) is the most significant bit of the first byte.
  return KEY_USAGE_NAMES.filter((_, index) => ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0);
}

/** The extended key usage OIDs (RFC 5280, 4.2.1.12), or null when the extension is absent. */
export function extendedKeyUsageOf(certificate: pkijs.Certificate): string[] | null {
  const found = extension(certificate, '2.5.29.37');
  if (!found) return null;
  return (found.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
}

/** Basic constraints (RFC 5280, 4.2.1.9): whether the certificate may issue others, and how deep. */
export function basicConstraintsOf(certificate: pkijs.Certificate): { isCa: boolean; pathLength: number | null } {
  const value = extension(certificate, '2.5.29.19')?.parsedValue as pkijs.BasicConstraints | undefined;
  if (!value) return { isCa: false, pathLength: null };
  const pathLength = value.pathLenConstraint;
  return {
    isCa: value.cA,
    pathLength: pathLength === undefined ? null : typeof pathLength === 'number' ? pathLength : pathLength.valueBlock.valueDec,
  };
}

/** Subject and authority key identifiers as hex, to narrow the issuer search; null when absent. */
export function keyIdentifiersOf(certificate: pkijs.Certificate): { subjectKeyId: string | null; authorityKeyId: string | null } {
  const subject = extension(certificate, '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
  const authority = extension(certificate, '2.5.29.35')?.parsedValue as pkijs.AuthorityKeyIdentifier | undefined;
  const hex = (octets: asn1js.OctetString | undefined) => (octets ? Buffer.from(octets.valueBlock.valueHexView).toString('hex') : null);
  return { subjectKeyId: hex(subject), authorityKeyId: hex(authority?.keyIdentifier) };
}
