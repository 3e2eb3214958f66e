import { createPublicKey, JsonWebKey } from 'node:crypto';
import { decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';

/** The COSE algorithms a thidua passkey may use: ES256 (ECDSA P-256, nearly every passkey) and RS256 (Windows Hello). */
export const PASSKEY_ALGORITHMS = { ES256: -7, RS256: -257 } as const;
export type PasskeyAlgorithm = keyof typeof PASSKEY_ALGORITHMS;

// COSE key labels (RFC 9053): kty and alg, then the parameters of each key type.
const KTY = 1;
const ALG = 3;
const KTY_EC2 = 2;
const KTY_RSA = 3;
const EC2_CRV = -1;
const EC2_X = -2;
const EC2_Y = -3;
const CRV_P256 = 1;
const RSA_N = -1;
const RSA_E = -2;

const bytes = (value: unknown): Buffer | undefined => (value instanceof Uint8Array ? Buffer.from(value) : undefined);

/**
 * Reads a credential's COSE public key (raw bytes) into a JWK, or undefined when it is not an ES256 P-256 or RS256
 * key that node:crypto accepts (a point off the curve, a truncated modulus…). A stored key that fails here can
 * never verify anything: its record is malformed, which is not the same as a bad signature.
 */
export function readCosePublicKey(cose: Uint8Array): { algorithm: PasskeyAlgorithm; jwk: JsonWebKey } | undefined {
  let key: unknown;
  try {
    key = decodeCredentialPublicKey(new Uint8Array(cose));
  } catch {
    return undefined;
  }
  if (!(key instanceof Map)) return undefined;
  const field = (label: number): unknown => key.get(label);
  let result: { algorithm: PasskeyAlgorithm; jwk: JsonWebKey } | undefined;
  if (field(KTY) === KTY_EC2 && field(ALG) === PASSKEY_ALGORITHMS.ES256 && field(EC2_CRV) === CRV_P256) {
    const x = bytes(field(EC2_X));
    const y = bytes(field(EC2_Y));
    if (x?.length === 32 && y?.length === 32) {
      result = { algorithm: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: x.toString('base64url'), y: y.toString('base64url') } };
    }
  } else if (field(KTY) === KTY_RSA && field(ALG) === PASSKEY_ALGORITHMS.RS256) {
    const n = bytes(field(RSA_N));
    const e = bytes(field(RSA_E));
    if (n && e && n.length >= 256) result = { algorithm: 'RS256', jwk: { kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') } };
  }
  if (!result) return undefined;
  try {
    createPublicKey({ key: result.jwk, format: 'jwk' });
    return result;
  } catch {
    return undefined;
  }
}
