import type * as pkijs from 'pkijs';
import { basicConstraintsOf, keyIdentifiersOf, keyUsageOf, ParsedCertificate } from './certificates';
import { distinguishedName } from './distinguished-name';

/*
 * Chain building from the signer's certificate up to a trust anchor. The certificates come from the CMS
 * file and from the configured anchors (roots and intermediates), so a signing tool that leaves the
 * intermediate out still verifies. Validity dates are not looked at here: they are judged at the signing
 * time by certificate-rules.ts, over the chain this returns. Revocation is not checked (no CRL or OCSP).
 */

/** Deeper chains than this are refused rather than followed (Vietnamese PKI has root → CA → person). */
export const MAX_CHAIN_LENGTH = 8;

export type ChainProblem =
  /** No certificate, in the file or among the anchors, issued `subject` (by name, key id and signature). */
  | { kind: 'issuer-not-found'; subject: string; issuer: string }
  /** The chain ends at a self-signed certificate that is not a configured anchor. */
  | { kind: 'untrusted-root'; subject: string }
  /** The certificate that signed the one below it is not a CA (basic constraints, key usage keyCertSign). */
  | { kind: 'issuer-not-ca'; subject: string }
  /** A CA's path length constraint does not allow as many CAs below it. */
  | { kind: 'path-length-exceeded'; subject: string }
  | { kind: 'too-long' };

export interface CertificateChain {
  /** Signer first, each certificate followed by its issuer; with a problem, as far as it could be built. */
  certificates: ParsedCertificate[];
  /** A configured anchor (other than the signer itself) is in the chain. */
  trusted: boolean;
  /** Why the chain is not trusted; null when it is. */
  problem: ChainProblem | null;
}

/**
 * Builds the chain of `signer`. Issuers are searched among the anchors first, so a trusted path wins over
 * one through certificates the file brought. Once an anchor is reached the chain goes on only through
 * other anchors (up to the root when it is configured too) and stops quietly where they end.
 */
export async function buildChain(
  signer: ParsedCertificate,
  certificatesInFile: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
  engine: pkijs.ICryptoEngine,
): Promise<CertificateChain> {
  const anchorFingerprints = new Set(anchors.map((anchor) => anchor.fingerprintSha256));
  const everyCandidate = [...anchors, ...certificatesInFile];
  const chain: ParsedCertificate[] = [signer];
  let trusted = false;
  const result = (problem: ChainProblem | null): CertificateChain => ({ certificates: chain, trusted, problem: trusted ? null : problem });

  for (;;) {
    const current = chain[chain.length - 1];
    if (chain.length > 1 && anchorFingerprints.has(current.fingerprintSha256)) trusted = true;
    if (chain.length >= MAX_CHAIN_LENGTH) return result({ kind: 'too-long' });
    const issuer = await findIssuer(current, trusted ? anchors : everyCandidate, chain, engine);
    if (!issuer) {
      const selfIssued = current.certificate.subject.isEqual(current.certificate.issuer);
      const subject = distinguishedName(current.certificate.subject);
      return result(selfIssued ? { kind: 'untrusted-root', subject } : { kind: 'issuer-not-found', subject, issuer: distinguishedName(current.certificate.issuer) });
    }
    const problem = issuerProblem(issuer, chain.length - 1, anchorFingerprints.has(issuer.fingerprintSha256));
    if (problem) return result(problem);
    chain.push(issuer);
  }
}

/** The first candidate whose subject is `child`'s issuer, whose key id agrees, and whose key verifies it. */
async function findIssuer(
  child: ParsedCertificate,
  candidates: readonly ParsedCertificate[],
  chain: readonly ParsedCertificate[],
  engine: pkijs.ICryptoEngine,
): Promise<ParsedCertificate | null> {
  const { authorityKeyId } = keyIdentifiersOf(child.certificate);
  const inChain = new Set(chain.map((certificate) => certificate.fingerprintSha256));
  for (const candidate of candidates) {
    if (inChain.has(candidate.fingerprintSha256)) continue;
    if (!candidate.certificate.subject.isEqual(child.certificate.issuer)) continue;
    const { subjectKeyId } = keyIdentifiersOf(candidate.certificate);
    if (authorityKeyId && subjectKeyId && authorityKeyId !== subjectKeyId) continue;
    if (await signedBy(child.certificate, candidate.certificate, engine)) return candidate;
  }
  return null;
}

async function signedBy(child: pkijs.Certificate, issuer: pkijs.Certificate, engine: pkijs.ICryptoEngine): Promise<boolean> {
  try {
    return await child.verify(issuer, engine);
  } catch {
    // An algorithm WebCrypto does not know, or a key that does not parse: it did not verify.
    return false;
  }
}

/**
 * Whether `issuer` may have issued a chain with `casBelow` CAs under it (RFC 5280, 4.2.1.9 and 4.2.1.3).
 * A version 1 certificate has no extensions to say so and is accepted only as a configured anchor.
 */
function issuerProblem(issuer: ParsedCertificate, casBelow: number, isAnchor: boolean): ChainProblem | null {
  const subject = distinguishedName(issuer.certificate.subject);
  if (issuer.certificate.version < 2 && isAnchor) return null;
  const { isCa, pathLength } = basicConstraintsOf(issuer.certificate);
  const keyUsage = keyUsageOf(issuer.certificate);
  if (!isCa || (keyUsage !== null && !keyUsage.includes('keyCertSign'))) return { kind: 'issuer-not-ca', subject };
  if (pathLength !== null && casBelow > pathLength) return { kind: 'path-length-exceeded', subject };
  return null;
}
