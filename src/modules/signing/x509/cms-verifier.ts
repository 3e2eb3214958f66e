import { buildChain } from './certificate-chain';
import { signingKeyUsage, validityAt } from './certificate-rules';
import {
  CertificateSummary,
  certificatePem,
  decodeCertificate,
  extendedKeyUsageOf,
  keyUsageOf,
  normalizeFingerprint,
  ParsedCertificate,
  summarizeCertificate,
} from './certificates';
import { chainMessage, FORMAT_OK, FORMAT_PROBLEMS, keyUsageMessage, LocalizedText, NOT_CHECKED, registeredMessage, signatureMessage, validityMessage } from './cms-messages';
import { nodeCryptoEngine } from './crypto-engine';
import { CERTIFICATE_PEM_LABELS, readDerBlocks } from './der-input';
import { distinguishedName } from './distinguished-name';
import { readSignedData, signatureProblem } from './signed-data';

export { certificateFingerprint, CertificateInputError, parseCertificates, summarizeCertificate } from './certificates';
export type { CertificateSummary, ParsedCertificate } from './certificates';
export type { LocalizedText } from './cms-messages';

/*
 * Verification of a detached CMS/PKCS#7 signature (chữ ký số) over a signing statement, as a pure
 * function: no database, no Nest, no network, so the `thidua verify` CLI gives the same verdict offline.
 */

export type CmsCheckKey = 'format' | 'signature' | 'chain' | 'validity' | 'key-usage' | 'registered';

/** The stable failure codes; NOT_CHECKED marks a check that could not run because the file was unreadable. */
export type CmsFailureCode =
  | 'CMS_MALFORMED'
  | 'CMS_SIGNATURE_INVALID'
  | 'CERT_UNTRUSTED'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'
  | 'CERT_KEY_USAGE'
  | 'CERT_NOT_REGISTERED'
  | 'NOT_CHECKED';

export interface CmsCheck {
  key: CmsCheckKey;
  ok: boolean;
  /** Set when `ok` is false. */
  code?: CmsFailureCode;
  message: LocalizedText;
}

/**
 * The verdict: `valid` when every check passes. Every check is listed, in the order of CmsCheckKey.
 * Revocation is NOT checked: no CRL or OCSP is fetched (the verifier must work offline), so a
 * certificate revoked before the signing time still verifies; `revocationChecked` says so and the
 * chain check's message repeats it.
 */
export interface CmsVerdict {
  valid: boolean;
  checks: CmsCheck[];
  /** The signer's certificate, whenever the file names one. */
  signer?: CertificateSummary;
  /** PEM, signer first, each followed by its issuer, up to the anchor (or as far as it could be built). */
  chain: string[];
  revocationChecked: false;
}

export interface DetachedCmsInput {
  /** The exact bytes that were signed: the canonical UTF-8 statement file. */
  statement: Uint8Array;
  /** The `.p7s`, DER or PEM (`PKCS7` or `CMS`). */
  signature: Uint8Array;
  /** Root and intermediate CA certificates, DER or PEM (several blocks allowed); blocks that are not certificates are ignored. */
  trustAnchors: Uint8Array[];
  /** Lowercase hex SHA-256 of the DER of the certificates registered for the person (colons and case are tolerated). */
  registeredFingerprints: string[];
  /** The signing time: every certificate of the chain must be valid then. */
  at: Date;
}

const check = (key: CmsCheckKey, failureCode: CmsFailureCode, ok: boolean, message: LocalizedText): CmsCheck =>
  ok ? { key, ok, message } : { key, ok, code: failureCode, message };

/** Verifies a detached CMS signature over a statement. Never throws: unreadable input gives CMS_MALFORMED. */
export async function verifyDetachedCms(input: DetachedCmsInput): Promise<CmsVerdict> {
  try {
    return await verify(input);
  } catch {
    // A parser bug or an input no check above foresaw: still a verdict, never a 500.
    return unreadable(FORMAT_PROBLEMS.notCms);
  }
}

async function verify(input: DetachedCmsInput): Promise<CmsVerdict> {
  const reading = readSignedData(input.signature);
  if (!reading.ok) return unreadable(reading.message);
  const { file } = reading;
  const { signer } = file;

  const problem = await signatureProblem(file, input.statement, nodeCryptoEngine);
  const chain = await buildChain(signer, file.certificates, trustAnchorsOf(input.trustAnchors), nodeCryptoEngine);
  const anchor = chain.trusted ? chain.certificates[chain.certificates.length - 1] : null;

  const periods = chain.certificates.map(({ certificate }) => ({
    subject: distinguishedName(certificate.subject),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
  }));
  const validity = validityAt(periods, input.at);
  const validityFailure = validity.ok ? null : { ...validity, isSigner: validity.period === periods[0] };
  const keyUsage = signingKeyUsage(keyUsageOf(signer.certificate), extendedKeyUsageOf(signer.certificate));
  const registered = input.registeredFingerprints.map(normalizeFingerprint).includes(signer.fingerprintSha256);

  const checks: CmsCheck[] = [
    check('format', 'CMS_MALFORMED', true, FORMAT_OK),
    check('signature', 'CMS_SIGNATURE_INVALID', problem === null, signatureMessage(problem)),
    check('chain', 'CERT_UNTRUSTED', chain.trusted, chainMessage(chain.problem, anchor && distinguishedName(anchor.certificate.subject))),
    check('validity', validityFailure?.code ?? 'CERT_EXPIRED', validityFailure === null, validityMessage(validityFailure, input.at)),
    check('key-usage', 'CERT_KEY_USAGE', keyUsage.ok, keyUsageMessage(keyUsage)),
    check('registered', 'CERT_NOT_REGISTERED', registered, registeredMessage(registered, signer.fingerprintSha256)),
  ];
  return {
    valid: checks.every((each) => each.ok),
    checks,
    signer: summarizeCertificate(signer),
    chain: chain.certificates.map(certificatePem),
    revocationChecked: false,
  };
}

/** Every certificate among the configured anchors; uploads were checked by parseCertificates, so others are skipped. */
function trustAnchorsOf(uploads: readonly Uint8Array[]): ParsedCertificate[] {
  return uploads
    .flatMap((upload) => readDerBlocks(upload, CERTIFICATE_PEM_LABELS).blocks)
    .map(decodeCertificate)
    .filter((certificate): certificate is ParsedCertificate => certificate !== null);
}

/** The verdict for a file that could not be read: the format check fails, the others could not run. */
function unreadable(message: LocalizedText): CmsVerdict {
  const notChecked = (key: CmsCheckKey): CmsCheck => ({ key, ok: false, code: 'NOT_CHECKED', message: NOT_CHECKED });
  return {
    valid: false,
    checks: [
      { key: 'format', ok: false, code: 'CMS_MALFORMED', message },
      ...(['signature', 'chain', 'validity', 'key-usage', 'registered'] as const).map(notChecked),
    ],
    chain: [],
    revocationChecked: false,
  };
}
