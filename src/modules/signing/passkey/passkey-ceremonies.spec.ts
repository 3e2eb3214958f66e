import { createHash } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { SignOverrides, SoftwareAlgorithm, SoftwareAuthenticator } from '../../../../test/support/software-authenticator';
import {
  passkeyRegistrationOptions,
  passkeySigningOptions,
  RegisteredPasskey,
  StoredPasskey,
  verifyPasskeyEvidence,
  verifyPasskeyRegistration,
  verifyPasskeySignature,
} from './passkey-ceremonies';
import { PasskeyEvidence, PasskeyFailureCode } from './passkey-verdict';
import { statementChallenge } from './statement-challenge';

const RP_ID = 'thidua.example.vn';
const ORIGIN = 'https://thidua.example.vn';
const PERSON = { id: '6f1c7a52-3d0e-4b8e-9a57-0c4f3f2f8e11', username: 'thanhhoa.vientruong', displayName: 'Viện trưởng VKSND Thanh Hóa' };

const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const STATEMENT = hashOf('{"kind":"thidua.signing-statement","unit":"VKS-THA"}');
const OTHER_STATEMENT = hashOf('{"kind":"thidua.signing-statement","unit":"VKS-NAN"}');

async function registeredAuthenticator(algorithm: SoftwareAlgorithm = 'ES256', userVerified = true) {
  const authenticator = new SoftwareAuthenticator({ rpId: RP_ID, origin: ORIGIN, algorithm, userVerified });
  const options = await passkeyRegistrationOptions({ rpId: RP_ID, rpName: 'Thi đua', person: PERSON });
  const result = await verifyPasskeyRegistration({ response: authenticator.register(options), expectedChallenge: options.challenge, rpId: RP_ID, origin: ORIGIN });
  if (!result.valid) throw new Error(`registration refused: ${result.code}`);
  return { authenticator, passkey: result as RegisteredPasskey };
}

const stored = (passkey: RegisteredPasskey): StoredPasskey => ({ id: passkey.credentialId, publicKey: passkey.publicKey, counter: passkey.counter });

async function signStatement(authenticator: SoftwareAuthenticator, passkey: RegisteredPasskey, overrides?: SignOverrides) {
  const options = await passkeySigningOptions({ rpId: RP_ID, statementHash: STATEMENT, allowCredentialIds: [passkey.credentialId] });
  return authenticator.sign(options, overrides);
}

describe('passkey options', () => {
  it('asks for a verified user, no attestation, ES256 or RS256, and excludes the passkeys already registered', async () => {
    const options = await passkeyRegistrationOptions({ rpId: RP_ID, rpName: 'Thi đua', person: PERSON, excludeCredentialIds: ['AAEC'] });
    expect(options.rp).toEqual({ id: RP_ID, name: 'Thi đua' });
    expect(options.user).toMatchObject({ id: Buffer.from(PERSON.id).toString('base64url'), name: PERSON.username, displayName: PERSON.displayName });
    expect(options.authenticatorSelection).toMatchObject({ userVerification: 'required', residentKey: 'preferred' });
    expect(options.attestation).toBe('none');
    expect(options.pubKeyCredParams.map((param) => param.alg)).toEqual([-7, -257]);
    expect(options.excludeCredentials?.map((descriptor) => descriptor.id)).toEqual(['AAEC']);
  });

  it('signs exactly the 32 bytes of the statement hash, with user verification required', async () => {
    const options = await passkeySigningOptions({ rpId: RP_ID, statementHash: STATEMENT, allowCredentialIds: ['AAEC'] });
    expect(Buffer.from(options.challenge, 'base64url').toString('hex')).toBe(STATEMENT);
    expect(options.challenge).toBe(statementChallenge(STATEMENT));
    expect(options.userVerification).toBe('required');
    expect(options.rpId).toBe(RP_ID);
    expect(options.allowCredentials?.map((descriptor) => descriptor.id)).toEqual(['AAEC']);
  });

  it('refuses to build signing options for something that is not a statement hash', async () => {
    await expect(passkeySigningOptions({ rpId: RP_ID, statementHash: STATEMENT.toUpperCase() })).rejects.toThrow(TypeError);
  });
});

describe.each<SoftwareAlgorithm>(['ES256', 'RS256'])('passkey signing with %s', (algorithm) => {
  it('registers, signs the statement, and the stored evidence re-verifies offline', async () => {
    const { authenticator, passkey } = await registeredAuthenticator(algorithm);
    expect(passkey).toMatchObject({ counter: 0, transports: ['internal'], aaguid: '00000000-0000-0000-0000-000000000000', backedUp: false });

    const verdict = await verifyPasskeySignature({ statementHash: STATEMENT, response: await signStatement(authenticator, passkey), credential: stored(passkey), rpId: RP_ID, origin: ORIGIN });
    expect(verdict).toMatchObject({ valid: true, newCounter: 1 });
    expect(verdict.code).toBeUndefined();
    expect(verdict.evidence).toMatchObject({ credentialId: passkey.credentialId, publicKey: passkey.publicKey, rpId: RP_ID, origin: ORIGIN, userHandle: Buffer.from(PERSON.id).toString('base64url') });

    // Offline, from a JSON round trip of exactly what was stored.
    const evidence = JSON.parse(JSON.stringify(verdict.evidence)) as PasskeyEvidence;
    expect(await verifyPasskeyEvidence(evidence, STATEMENT)).toMatchObject({ valid: true });
    expect(await verifyPasskeyEvidence(evidence, OTHER_STATEMENT)).toMatchObject({ valid: false, code: 'PASSKEY_CHALLENGE_MISMATCH' });
  });

  it('refuses a signature whose bytes were changed, online and offline', async () => {
    const { authenticator, passkey } = await registeredAuthenticator(algorithm);
    const response = await signStatement(authenticator, passkey);
    const evidence = (await verifyPasskeySignature({ statementHash: STATEMENT, response, credential: stored(passkey), rpId: RP_ID, origin: ORIGIN })).evidence!;
    const flipped = flipLastByte(response.response.signature);
    const tampered = { ...response, response: { ...response.response, signature: flipped } };
    expect(await verifyPasskeySignature({ statementHash: STATEMENT, response: tampered, credential: stored(passkey), rpId: RP_ID, origin: ORIGIN })).toMatchObject({ valid: false, code: 'PASSKEY_SIGNATURE_INVALID' });
    expect(await verifyPasskeyEvidence({ ...evidence, signature: flipped }, STATEMENT)).toMatchObject({ valid: false, code: 'PASSKEY_SIGNATURE_INVALID' });
  });
});

const flipLastByte = (base64url: string) => {
  const bytes = Buffer.from(base64url, 'base64url');
  bytes[bytes.length - 1] ^= 0xff;
  return bytes.toString('base64url');
};

describe('passkey registration refused', () => {
  interface RegistrationCase {
    name: string;
    code: PasskeyFailureCode;
    /** The response to check and the challenge the server kept, from fresh options. */
    attempt: (options: PublicKeyCredentialCreationOptionsJSON) => { response: RegistrationResponseJSON; expectedChallenge: string };
  }
  const authenticator = (overrides: { origin?: string; userVerified?: boolean } = {}) => new SoftwareAuthenticator({ rpId: RP_ID, origin: ORIGIN, ...overrides });

  const CASES: RegistrationCase[] = [
    { name: 'the challenge of other options', code: 'PASSKEY_CHALLENGE_MISMATCH', attempt: (options) => ({ response: authenticator().register(options), expectedChallenge: 'b3RoZXItY2hhbGxlbmdl' }) },
    {
      name: 'made on another origin',
      code: 'PASSKEY_ORIGIN_MISMATCH',
      attempt: (options) => ({ response: authenticator({ origin: 'https://evil.test' }).register(options), expectedChallenge: options.challenge }),
    },
    {
      name: 'made for another RP ID',
      code: 'PASSKEY_RP_MISMATCH',
      attempt: (options) => ({ response: authenticator().register({ ...options, rp: { ...options.rp, id: 'evil.test' } }), expectedChallenge: options.challenge }),
    },
    {
      name: 'the user was not verified',
      code: 'PASSKEY_USER_NOT_VERIFIED',
      attempt: (options) => ({ response: authenticator({ userVerified: false }).register(options), expectedChallenge: options.challenge }),
    },
    {
      name: 'an attestation object that is not CBOR',
      code: 'PASSKEY_MALFORMED',
      attempt: (options) => {
        const response = authenticator().register(options);
        return { response: { ...response, response: { ...response.response, attestationObject: 'AAAA' } }, expectedChallenge: options.challenge };
      },
    },
    {
      name: 'an id that is not the raw id',
      code: 'PASSKEY_MALFORMED',
      attempt: (options) => ({ response: { ...authenticator().register(options), rawId: 'AAEC' }, expectedChallenge: options.challenge }),
    },
  ];

  it.each(CASES)('$name → $code', async ({ code, attempt }) => {
    const options = await passkeyRegistrationOptions({ rpId: RP_ID, rpName: 'Thi đua', person: PERSON });
    const result = await verifyPasskeyRegistration({ ...attempt(options), rpId: RP_ID, origin: ORIGIN });
    expect(result).toMatchObject({ valid: false, code });
  });

  it('refuses an authenticator already registered (the browser is told to exclude it)', async () => {
    const { authenticator: registered, passkey } = await registeredAuthenticator();
    const options = await passkeyRegistrationOptions({ rpId: RP_ID, rpName: 'Thi đua', person: PERSON, excludeCredentialIds: [passkey.credentialId] });
    expect(() => registered.register(options)).toThrow(/InvalidStateError/);
  });
});

describe('offline re-verification of stored evidence', () => {
  let evidence: PasskeyEvidence;
  let otherPublicKey: string;

  beforeAll(async () => {
    const { authenticator, passkey } = await registeredAuthenticator();
    const verdict = await verifyPasskeySignature({ statementHash: STATEMENT, response: await signStatement(authenticator, passkey), credential: stored(passkey), rpId: RP_ID, origin: ORIGIN });
    evidence = verdict.evidence!;
    // The same passkey signs again later: its counter moves on, which must not matter to the old signature.
    const later = await verifyPasskeySignature({ statementHash: OTHER_STATEMENT, response: authenticator.sign(await passkeySigningOptions({ rpId: RP_ID, statementHash: OTHER_STATEMENT })), credential: { ...stored(passkey), counter: verdict.newCounter! }, rpId: RP_ID, origin: ORIGIN });
    expect(later).toMatchObject({ valid: true, newCounter: 2 });
    otherPublicKey = (await registeredAuthenticator()).passkey.publicKey;
  });

  it('keeps an old signature valid after the passkey signed again (no counter offline)', async () => {
    expect(await verifyPasskeyEvidence(evidence, STATEMENT)).toEqual({ valid: true, message: expect.any(Object), newCounter: 1, evidence });
  });

  it.each<{ name: string; change: (evidence: PasskeyEvidence) => unknown; code: PasskeyFailureCode }>([
    { name: 'another RP ID recorded', change: (e) => ({ ...e, rpId: 'evil.test' }), code: 'PASSKEY_RP_MISMATCH' },
    { name: 'another origin recorded', change: (e) => ({ ...e, origin: 'https://evil.test' }), code: 'PASSKEY_ORIGIN_MISMATCH' },
    { name: "another credential's public key", change: (e) => ({ ...e, publicKey: otherPublicKey }), code: 'PASSKEY_SIGNATURE_INVALID' },
    { name: 'the signature missing', change: ({ signature: _signature, ...rest }) => rest, code: 'PASSKEY_MALFORMED' },
    { name: 'not an object', change: () => null, code: 'PASSKEY_MALFORMED' },
  ])('refuses evidence with $name → $code', async ({ change, code }) => {
    expect(await verifyPasskeyEvidence(change(evidence) as PasskeyEvidence, STATEMENT)).toMatchObject({ valid: false, code });
  });
});

describe('passkey messages', () => {
  it('say in Vietnamese first what went wrong, naming the origin', async () => {
    const { authenticator, passkey } = await registeredAuthenticator();
    const wrongStatement = await verifyPasskeySignature({ statementHash: OTHER_STATEMENT, response: await signStatement(authenticator, passkey), credential: stored(passkey), rpId: RP_ID, origin: ORIGIN });
    expect(wrongStatement.message.vi).toMatch(/^Khóa truy cập không khớp với lời cam kết cần ký/);
    expect(wrongStatement.message.en).toMatch(/does not match the statement/);

    const wrongOrigin = await verifyPasskeySignature({
      statementHash: STATEMENT,
      response: await signStatement(authenticator, passkey, { origin: 'https://evil.test' }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    });
    expect(wrongOrigin.message).toEqual({
      vi: 'Chữ ký được tạo trên trang https://evil.test, không phải trang https://thidua.example.vn của hệ thống.',
      en: 'The signature was made on https://evil.test, not on this system’s page https://thidua.example.vn.',
    });
  });
});
