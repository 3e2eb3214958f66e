import { createHash } from 'node:crypto';
import type { Uint8Array_ } from '@simplewebauthn/server';
import { decodeAttestationObject, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { readCosePublicKey } from './cose-public-key';
import { passkeyFailure, PasskeyFailure } from './passkey-verdict';

/*
 * The checks we make before @simplewebauthn does its own, so that each refusal gets its precise code instead of
 * being guessed from an exception's English text. Each returns a failure as a value and never throws.
 */

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const isFailure = (value: unknown): value is PasskeyFailure =>
  typeof value === 'object' && value !== null && 'reason' in value && typeof (value as PasskeyFailure).reason === 'string';

/** Decodes a base64url field; Buffer alone would skip stray characters, so the alphabet is checked first. */
export function decodeBase64url(value: unknown, field: string): Uint8Array_ | PasskeyFailure {
  if (typeof value !== 'string' || !BASE64URL.test(value)) return passkeyFailure('PASSKEY_MALFORMED', { field });
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  /** Set when the ceremony ran in an iframe of another site, `topOrigin` naming that site. */
  crossOrigin?: boolean;
  topOrigin?: string;
}

/** The browser's account of the ceremony: which kind, over which challenge, on which page. */
export function decodeClientData(clientDataJSON: unknown): ClientData | PasskeyFailure {
  const bytes = decodeBase64url(clientDataJSON, 'clientDataJSON');
  if (isFailure(bytes)) return bytes;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return passkeyFailure('PASSKEY_MALFORMED', { field: 'clientDataJSON' });
  }
  const data = value as Partial<ClientData> | null;
  if (typeof data !== 'object' || data === null || [data.type, data.challenge, data.origin].some((item) => typeof item !== 'string')) {
    return passkeyFailure('PASSKEY_MALFORMED', { field: 'clientDataJSON' });
  }
  return data as ClientData;
}

/**
 * The client data must be of this ceremony, over the expected challenge, from the expected origin (exactly), and
 * not from our page framed by another site: our pages are never embedded, so a framed signing is someone else's.
 */
export function checkClientData(data: ClientData, expected: ClientData): PasskeyFailure | undefined {
  if (data.type !== expected.type) return passkeyFailure('PASSKEY_MALFORMED', { field: 'clientDataJSON.type' });
  if (data.challenge !== expected.challenge) return passkeyFailure('PASSKEY_CHALLENGE_MISMATCH');
  if (data.origin !== expected.origin) return passkeyFailure('PASSKEY_ORIGIN_MISMATCH', { actual: data.origin, expected: expected.origin });
  if (data.crossOrigin === true) {
    return passkeyFailure('PASSKEY_ORIGIN_MISMATCH', { actual: typeof data.topOrigin === 'string' ? data.topOrigin : '(iframe)', expected: expected.origin });
  }
  return undefined;
}

export interface AuthenticatorFacts {
  rpIdHash: Uint8Array;
  userPresent: boolean;
  userVerified: boolean;
  counter: number;
}

/** Reads the authenticator data of an assertion (given as base64url) or a registration (as the bytes inside its attestation). */
export function readAuthenticatorData(bytes: Uint8Array_, field: string): AuthenticatorFacts | PasskeyFailure {
  try {
    const parsed = parseAuthenticatorData(bytes);
    return { rpIdHash: parsed.rpIdHash, userPresent: parsed.flags.up, userVerified: parsed.flags.uv, counter: parsed.counter };
  } catch {
    return passkeyFailure('PASSKEY_MALFORMED', { field });
  }
}

/** The authenticator data inside a registration's attestation object (CBOR). */
export function attestedAuthenticatorData(attestationObject: unknown): Uint8Array_ | PasskeyFailure {
  const bytes = decodeBase64url(attestationObject, 'attestationObject');
  if (isFailure(bytes)) return bytes;
  try {
    const authData = decodeAttestationObject(bytes).get('authData');
    return authData instanceof Uint8Array ? authData : passkeyFailure('PASSKEY_MALFORMED', { field: 'attestationObject' });
  } catch {
    return passkeyFailure('PASSKEY_MALFORMED', { field: 'attestationObject' });
  }
}

/**
 * The authenticator must speak for our RP ID (its data carries SHA-256 of the RP ID it used) and must have both
 * seen the user (UP) and verified them (UV: fingerprint, face or PIN), as signing a pact requires.
 */
export function checkAuthenticatorFacts(facts: AuthenticatorFacts, rpId: string): PasskeyFailure | undefined {
  const expectedHash = createHash('sha256').update(rpId, 'utf8').digest();
  if (!expectedHash.equals(Buffer.from(facts.rpIdHash))) return passkeyFailure('PASSKEY_RP_MISMATCH', { expected: rpId });
  if (!facts.userPresent || !facts.userVerified) return passkeyFailure('PASSKEY_USER_NOT_VERIFIED');
  return undefined;
}

/**
 * The signature counter must go up between uses, unless the authenticator keeps none (always 0, as synced passkeys
 * do): a counter at or below the stored one means another authenticator holds a copy of the key.
 */
export function checkCounter(counter: number, storedCounter: number): PasskeyFailure | undefined {
  if ((counter > 0 || storedCounter > 0) && counter <= storedCounter) {
    return passkeyFailure('PASSKEY_COUNTER_REGRESSED', { actual: counter, expected: storedCounter });
  }
  return undefined;
}

/** A stored public key must be a usable ES256 or RS256 COSE key before it can judge a signature. */
export function decodePublicKey(publicKey: unknown, field: string): Uint8Array_ | PasskeyFailure {
  const bytes = decodeBase64url(publicKey, field);
  if (isFailure(bytes)) return bytes;
  return readCosePublicKey(bytes) ? bytes : passkeyFailure('PASSKEY_MALFORMED', { field });
}
