import {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { Text } from '../../../common/i18n/language';
import { PASSKEY_ALGORITHMS } from './cose-public-key';
import {
  attestedAuthenticatorData,
  checkAuthenticatorFacts,
  checkClientData,
  checkCounter,
  decodeBase64url,
  decodeClientData,
  decodePublicKey,
  isFailure,
  readAuthenticatorData,
} from './passkey-response-checks';
import {
  PasskeyEvidence,
  passkeyFailure,
  PasskeyFailure,
  PasskeyRefusal,
  PasskeyVerdict,
  refusedVerdict,
  VALID_REGISTRATION_TEXT,
  VALID_SIGNATURE_TEXT,
} from './passkey-verdict';
import { isStatementHash, statementChallenge } from './statement-challenge';

/*
 * The two WebAuthn ceremonies of pact signing (ký bằng khóa truy cập), as pure functions over @simplewebauthn/server:
 * registering a person's passkey, and signing a statement with it, where the challenge is the statement's SHA-256
 * itself, so the assertion is a signature of that statement. Verification never throws: every refusal is a verdict
 * with a stable code. `verifyPasskeyEvidence` re-checks a stored signature offline, without the server.
 */

const ALGORITHM_IDS = Object.values(PASSKEY_ALGORITHMS);

export interface PasskeyRegistrationOptionsInput {
  rpId: string;
  rpName: string;
  /** The person's id becomes the WebAuthn user handle, so a discoverable passkey names its owner without their name. */
  person: { id: string; username: string; displayName: string };
  /** Passkeys the person already has, so an authenticator is not registered twice. */
  excludeCredentialIds?: string[];
}

/** Options for `navigator.credentials.create()`: user verification required, no attestation, ES256 or RS256. */
export function passkeyRegistrationOptions(input: PasskeyRegistrationOptionsInput): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpID: input.rpId,
    rpName: input.rpName,
    userID: new TextEncoder().encode(input.person.id),
    userName: input.person.username,
    userDisplayName: input.person.displayName,
    attestationType: 'none',
    excludeCredentials: (input.excludeCredentialIds ?? []).map((id) => ({ id })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHM_IDS,
  });
}

/** What to store of a newly registered passkey (all binary values base64url). */
export interface RegisteredPasskey {
  credentialId: string;
  /** COSE public key. */
  publicKey: string;
  counter: number;
  transports: AuthenticatorTransportFuture[];
  aaguid: string;
  /** A synced passkey (iCloud, Google…) that may live on several devices. */
  backedUp: boolean;
}

export type PasskeyRegistrationResult = ({ valid: true; message: Text } & RegisteredPasskey) | PasskeyRefusal;

export interface VerifyPasskeyRegistrationInput {
  response: RegistrationResponseJSON;
  /** The challenge of the options given for this registration (base64url), kept by the server meanwhile. */
  expectedChallenge: string;
  rpId: string;
  origin: string;
}

/** Checks a registration response; refused with a stable code, never thrown. */
export async function verifyPasskeyRegistration(input: VerifyPasskeyRegistrationInput): Promise<PasskeyRegistrationResult> {
  const { response } = input;
  const shapeProblem = credentialShapeProblem(response);
  if (shapeProblem) return refusedVerdict(shapeProblem);
  const clientData = decodeClientData(response.response.clientDataJSON);
  if (isFailure(clientData)) return refusedVerdict(clientData);
  const clientProblem = checkClientData(clientData, { type: 'webauthn.create', challenge: input.expectedChallenge, origin: input.origin });
  if (clientProblem) return refusedVerdict(clientProblem);
  const authData = attestedAuthenticatorData(response.response.attestationObject);
  if (isFailure(authData)) return refusedVerdict(authData);
  const facts = readAuthenticatorData(authData, 'attestationObject.authData');
  if (isFailure(facts)) return refusedVerdict(facts);
  const authenticatorProblem = checkAuthenticatorFacts(facts, input.rpId);
  if (authenticatorProblem) return refusedVerdict(authenticatorProblem);

  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: input.origin,
      expectedRPID: input.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHM_IDS,
    });
  } catch (error) {
    // Our checks passed, so what is left is the attestation itself or a key we do not accept.
    const signature = error instanceof Error && /signature/i.test(error.message);
    return refusedVerdict(signature ? passkeyFailure('PASSKEY_SIGNATURE_INVALID') : passkeyFailure('PASSKEY_MALFORMED', { field: 'attestationObject' }));
  }
  if (!verification.verified) return refusedVerdict(passkeyFailure('PASSKEY_SIGNATURE_INVALID'));
  const { credential, aaguid, credentialBackedUp } = verification.registrationInfo;
  const publicKey = Buffer.from(credential.publicKey).toString('base64url');
  // Never store a key that signing would later call malformed.
  const keyProblem = decodePublicKey(publicKey, 'attestationObject.credentialPublicKey');
  if (isFailure(keyProblem)) return refusedVerdict(keyProblem);
  return {
    valid: true,
    message: VALID_REGISTRATION_TEXT,
    credentialId: credential.id,
    publicKey,
    counter: credential.counter,
    transports: credential.transports ?? [],
    aaguid,
    backedUp: credentialBackedUp,
  };
}

export interface PasskeySigningOptionsInput {
  rpId: string;
  statementHash: string;
  /** The signer's registered passkeys; empty lets the browser offer any passkey of this site. */
  allowCredentialIds?: string[];
}

/** Options for `navigator.credentials.get()` whose challenge is the statement hash. Rejects a bad hash (a bug). */
export async function passkeySigningOptions(input: PasskeySigningOptionsInput): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: input.rpId,
    challenge: Buffer.from(statementChallenge(input.statementHash), 'base64url'),
    allowCredentials: (input.allowCredentialIds ?? []).map((id) => ({ id })),
    userVerification: 'required',
  });
}

/** The registered passkey a signature must come from. */
export interface StoredPasskey {
  id: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
}

export interface VerifyPasskeySignatureInput {
  statementHash: string;
  response: AuthenticationResponseJSON;
  credential: StoredPasskey;
  rpId: string;
  origin: string;
}

/**
 * Checks that `response` signs `statementHash` with the registered passkey, on our origin and RP ID, with the user
 * verified and the counter moving forward. When valid, the verdict carries the new counter and the evidence to store.
 */
export function verifyPasskeySignature(input: VerifyPasskeySignatureInput): Promise<PasskeyVerdict> {
  return verifyAssertion(input);
}

/**
 * Re-checks stored evidence against the statement hash, as `thidua verify` does years later: the same checks
 * except the counter, which only says something at the moment of signing.
 */
export function verifyPasskeyEvidence(evidence: PasskeyEvidence, statementHash: string): Promise<PasskeyVerdict> {
  const fields = ['credentialId', 'publicKey', 'authenticatorData', 'clientDataJSON', 'signature', 'rpId', 'origin'] as const;
  const record = (typeof evidence === 'object' && evidence !== null ? evidence : {}) as Partial<PasskeyEvidence>;
  const missing = fields.find((field) => typeof record[field] !== 'string');
  if (missing) return Promise.resolve(refusedVerdict(passkeyFailure('PASSKEY_MALFORMED', { field: `evidence.${missing}` })));
  const response: AuthenticationResponseJSON = {
    id: evidence.credentialId,
    rawId: evidence.credentialId,
    type: 'public-key',
    response: {
      authenticatorData: evidence.authenticatorData,
      clientDataJSON: evidence.clientDataJSON,
      signature: evidence.signature,
      ...(evidence.userHandle !== undefined ? { userHandle: evidence.userHandle } : {}),
    },
    clientExtensionResults: {},
  };
  // Counter 0 on our side switches the counter rule off (see checkCounter).
  const credential = { id: evidence.credentialId, publicKey: evidence.publicKey, counter: 0 };
  return verifyAssertion({ statementHash, response, credential, rpId: evidence.rpId, origin: evidence.origin });
}

async function verifyAssertion(input: VerifyPasskeySignatureInput): Promise<PasskeyVerdict> {
  const { response, credential, rpId, origin } = input;
  if (!isStatementHash(input.statementHash)) return refusedVerdict(passkeyFailure('PASSKEY_MALFORMED', { field: 'statementHash' }));
  const shapeProblem = credentialShapeProblem(response);
  if (shapeProblem) return refusedVerdict(shapeProblem);
  const assertion = response.response;
  if (assertion.userHandle !== undefined && typeof assertion.userHandle !== 'string') {
    return refusedVerdict(passkeyFailure('PASSKEY_MALFORMED', { field: 'response.userHandle' }));
  }
  if (typeof credential?.id !== 'string' || !Number.isInteger(credential.counter)) {
    return refusedVerdict(passkeyFailure('PASSKEY_MALFORMED', { field: 'credential' }));
  }
  if (response.id !== credential.id) return refusedVerdict(passkeyFailure('PASSKEY_CREDENTIAL_MISMATCH'));
  const publicKey = decodePublicKey(credential.publicKey, 'credential.publicKey');
  if (isFailure(publicKey)) return refusedVerdict(publicKey);

  const clientData = decodeClientData(assertion.clientDataJSON);
  if (isFailure(clientData)) return refusedVerdict(clientData);
  const clientProblem = checkClientData(clientData, { type: 'webauthn.get', challenge: statementChallenge(input.statementHash), origin });
  if (clientProblem) return refusedVerdict(clientProblem);
  const authData = decodeBase64url(assertion.authenticatorData, 'authenticatorData');
  if (isFailure(authData)) return refusedVerdict(authData);
  const facts = readAuthenticatorData(authData, 'authenticatorData');
  if (isFailure(facts)) return refusedVerdict(facts);
  const problem = checkAuthenticatorFacts(facts, rpId) ?? checkCounter(facts.counter, credential.counter);
  if (problem) return refusedVerdict(problem);
  const signature = decodeBase64url(assertion.signature, 'signature');
  if (isFailure(signature)) return refusedVerdict(signature);

  let verified: boolean;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: clientData.challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      credential: { id: credential.id, publicKey, counter: credential.counter },
      requireUserVerification: true,
    });
    verified = result.verified;
  } catch {
    // Everything else was checked above: what the library can still reject is the signature (e.g. DER that does not parse).
    verified = false;
  }
  if (!verified) return refusedVerdict(passkeyFailure('PASSKEY_SIGNATURE_INVALID'));
  const evidence: PasskeyEvidence = {
    credentialId: credential.id,
    publicKey: credential.publicKey,
    authenticatorData: assertion.authenticatorData,
    clientDataJSON: assertion.clientDataJSON,
    signature: assertion.signature,
    ...(assertion.userHandle ? { userHandle: assertion.userHandle } : {}),
    rpId,
    origin: clientData.origin,
  };
  return { valid: true, message: VALID_SIGNATURE_TEXT, newCounter: facts.counter, evidence };
}

/** A credential as the browser sends it: a public-key credential whose id is its base64url rawId, with a response. */
function credentialShapeProblem(credential: unknown): PasskeyFailure | undefined {
  const value = credential as Partial<AuthenticationResponseJSON> | null;
  if (typeof value !== 'object' || value === null) return passkeyFailure('PASSKEY_MALFORMED', { field: 'response' });
  if (typeof value.id !== 'string' || value.id === '' || value.rawId !== value.id) return passkeyFailure('PASSKEY_MALFORMED', { field: 'response.id' });
  if (value.type !== 'public-key') return passkeyFailure('PASSKEY_MALFORMED', { field: 'response.type' });
  if (typeof value.response !== 'object' || value.response === null) return passkeyFailure('PASSKEY_MALFORMED', { field: 'response.response' });
  return undefined;
}
