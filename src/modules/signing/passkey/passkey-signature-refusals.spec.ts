import { createHash } from 'node:crypto';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { SignOverrides, SoftwareAlgorithm, SoftwareAuthenticator } from '../../../../test/support/software-authenticator';
import {
  passkeyRegistrationOptions,
  passkeySigningOptions,
  RegisteredPasskey,
  StoredPasskey,
  verifyPasskeyRegistration,
  verifyPasskeySignature,
} from './passkey-ceremonies';
import { PasskeyFailureCode } from './passkey-verdict';
import { statementChallenge } from './statement-challenge';

/*
 * Every way a passkey signature is refused, each with its code, for both algorithms. Each case starts from a
 * genuine signature of STATEMENT (accepted by the first test) and changes one thing.
 */

const RP_ID = 'thidua.example.vn';
const ORIGIN = 'https://thidua.example.vn';
const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const STATEMENT = hashOf('{"kind":"thidua.signing-statement","unit":"VKS-THA"}');
const OTHER_STATEMENT = hashOf('{"kind":"thidua.signing-statement","unit":"VKS-NAN"}');

async function registeredAuthenticator(algorithm: SoftwareAlgorithm, personId: string) {
  const authenticator = new SoftwareAuthenticator({ rpId: RP_ID, origin: ORIGIN, algorithm });
  const options = await passkeyRegistrationOptions({ rpId: RP_ID, rpName: 'Thi đua', person: { id: personId, username: personId, displayName: personId } });
  const result = await verifyPasskeyRegistration({ response: authenticator.register(options), expectedChallenge: options.challenge, rpId: RP_ID, origin: ORIGIN });
  if (!result.valid) throw new Error(`registration refused: ${result.code}`);
  return { authenticator, passkey: result as RegisteredPasskey };
}

const stored = (passkey: RegisteredPasskey): StoredPasskey => ({ id: passkey.credentialId, publicKey: passkey.publicKey, counter: passkey.counter });

async function signStatement(authenticator: SoftwareAuthenticator, passkey: RegisteredPasskey, overrides?: SignOverrides) {
  const options = await passkeySigningOptions({ rpId: RP_ID, statementHash: STATEMENT, allowCredentialIds: [passkey.credentialId] });
  return authenticator.sign(options, overrides);
}

const flipLastByte = (base64url: string) => {
  const bytes = Buffer.from(base64url, 'base64url');
  bytes[bytes.length - 1] ^= 0xff;
  return bytes.toString('base64url');
};

interface SigningContext {
  authenticator: SoftwareAuthenticator;
  passkey: RegisteredPasskey;
  /** Another person's authenticator and passkey, registered on the same site. */
  otherAuthenticator: SoftwareAuthenticator;
  otherPasskey: RegisteredPasskey;
}

interface SignatureCase {
  name: string;
  code: PasskeyFailureCode;
  /** The verification input, from a genuine signature of STATEMENT by `passkey` unless the case says otherwise. */
  input: (context: SigningContext, genuine: AuthenticationResponseJSON) => Promise<Parameters<typeof verifyPasskeySignature>[0]>;
}

const withAssertion = (response: AuthenticationResponseJSON, change: Partial<AuthenticationResponseJSON['response']>): AuthenticationResponseJSON => ({
  ...response,
  response: { ...response.response, ...change },
});
const base64urlJson = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

const SIGNATURE_CASES: SignatureCase[] = [
  {
    name: 'a signature of another statement',
    code: 'PASSKEY_CHALLENGE_MISMATCH',
    input: async ({ authenticator, passkey }) => ({
      statementHash: STATEMENT,
      response: await signStatement(authenticator, passkey, { challenge: statementChallenge(OTHER_STATEMENT) }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'checked against another statement',
    code: 'PASSKEY_CHALLENGE_MISMATCH',
    input: async ({ passkey }, genuine) => ({ statementHash: OTHER_STATEMENT, response: genuine, credential: stored(passkey), rpId: RP_ID, origin: ORIGIN }),
  },
  {
    name: 'made on another origin',
    code: 'PASSKEY_ORIGIN_MISMATCH',
    input: async ({ authenticator, passkey }) => ({
      statementHash: STATEMENT,
      response: await signStatement(authenticator, passkey, { origin: 'https://thidua.example.vn.evil.test' }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'made on our page framed by another site',
    code: 'PASSKEY_ORIGIN_MISMATCH',
    input: async ({ authenticator, passkey }) => ({
      statementHash: STATEMENT,
      response: await signStatement(authenticator, passkey, { topOrigin: 'https://evil.test' }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'made for another RP ID',
    code: 'PASSKEY_RP_MISMATCH',
    input: async ({ authenticator, passkey }) => ({
      statementHash: STATEMENT,
      response: await signStatement(authenticator, passkey, { rpId: 'evil.test' }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'the user was not verified',
    code: 'PASSKEY_USER_NOT_VERIFIED',
    input: async ({ authenticator, passkey }) => ({
      statementHash: STATEMENT,
      response: await signStatement(authenticator, passkey, { userVerified: false }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'signature bytes flipped',
    code: 'PASSKEY_SIGNATURE_INVALID',
    input: async ({ passkey }, genuine) => ({
      statementHash: STATEMENT,
      response: withAssertion(genuine, { signature: flipLastByte(genuine.response.signature) }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'authenticator data changed after signing (counter raised)',
    code: 'PASSKEY_SIGNATURE_INVALID',
    input: async ({ passkey }, genuine) => ({
      statementHash: STATEMENT,
      response: withAssertion(genuine, { authenticatorData: flipLastByte(genuine.response.authenticatorData) }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'client data rewritten with the same meaning (the signature covers its exact bytes)',
    code: 'PASSKEY_SIGNATURE_INVALID',
    input: async ({ passkey }, genuine) => {
      const clientData = JSON.parse(Buffer.from(genuine.response.clientDataJSON, 'base64url').toString('utf8')) as Record<string, unknown>;
      return {
        statementHash: STATEMENT,
        response: withAssertion(genuine, { clientDataJSON: base64urlJson(JSON.stringify(clientData, null, 1)) }),
        credential: stored(passkey),
        rpId: RP_ID,
        origin: ORIGIN,
      };
    },
  },
  {
    name: "the registered id with another credential's public key",
    code: 'PASSKEY_SIGNATURE_INVALID',
    input: async ({ passkey, otherPasskey }, genuine) => ({
      statementHash: STATEMENT,
      response: genuine,
      credential: { ...stored(passkey), publicKey: otherPasskey.publicKey },
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: "signed with another person's passkey",
    code: 'PASSKEY_CREDENTIAL_MISMATCH',
    input: async ({ passkey, otherAuthenticator, otherPasskey }) => ({
      statementHash: STATEMENT,
      response: await signStatement(otherAuthenticator, otherPasskey),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'the counter went backwards (a copied key)',
    code: 'PASSKEY_CREDENTIAL_MISMATCH',
    input: async ({ passkey }, genuine) => ({ statementHash: STATEMENT, response: genuine, credential: { ...stored(passkey), counter: 1000 }, rpId: RP_ID, origin: ORIGIN }),
  },
  {
    name: 'client data that is not JSON',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }, genuine) => ({
      statementHash: STATEMENT,
      response: withAssertion(genuine, { clientDataJSON: base64urlJson('{"type":"webauthn.get",') }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'client data of a registration',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }, genuine) => ({
      statementHash: STATEMENT,
      response: withAssertion(genuine, { clientDataJSON: base64urlJson({ type: 'webauthn.create', challenge: statementChallenge(STATEMENT), origin: ORIGIN }) }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'a response that is not an object',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }) => ({ statementHash: STATEMENT, response: 'null' as unknown as AuthenticationResponseJSON, credential: stored(passkey), rpId: RP_ID, origin: ORIGIN }),
  },
  {
    name: 'no assertion inside the response',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }, genuine) => ({
      statementHash: STATEMENT,
      response: { ...genuine, response: undefined } as unknown as AuthenticationResponseJSON,
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'truncated authenticator data',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }, genuine) => ({
      statementHash: STATEMENT,
      response: withAssertion(genuine, { authenticatorData: Buffer.from(genuine.response.authenticatorData, 'base64url').subarray(0, 20).toString('base64url') }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'a signature in standard base64 instead of base64url',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }, genuine) => ({
      statementHash: STATEMENT,
      response: withAssertion(genuine, { signature: `${Buffer.from(genuine.response.signature, 'base64url').toString('base64')}+/` }),
      credential: stored(passkey),
      rpId: RP_ID,
      origin: ORIGIN,
    }),
  },
  {
    name: 'a stored public key that is not a COSE key',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }, genuine) => ({ statementHash: STATEMENT, response: genuine, credential: { ...stored(passkey), publicKey: 'bm90LWEta2V5' }, rpId: RP_ID, origin: ORIGIN }),
  },
  {
    name: 'a statement hash in capitals',
    code: 'PASSKEY_MALFORMED',
    input: async ({ passkey }, genuine) => ({ statementHash: STATEMENT.toUpperCase(), response: genuine, credential: stored(passkey), rpId: RP_ID, origin: ORIGIN }),
  },
];

describe.each<SoftwareAlgorithm>(['ES256', 'RS256'])('passkey signatures refused, %s', (algorithm) => {
  let context: SigningContext;

  beforeAll(async () => {
    const mine = await registeredAuthenticator(algorithm, 'thanhhoa.vientruong');
    const other = await registeredAuthenticator(algorithm, 'nghean.vientruong');
    context = { ...mine, otherAuthenticator: other.authenticator, otherPasskey: other.passkey };
  });

  it('accepts the genuine signature the cases start from', async () => {
    const genuine = await signStatement(context.authenticator, context.passkey);
    const verdict = await verifyPasskeySignature({ statementHash: STATEMENT, response: genuine, credential: stored(context.passkey), rpId: RP_ID, origin: ORIGIN });
    expect(verdict.valid).toBe(true);
  });

  it.each(SIGNATURE_CASES)('$name → $code', async ({ code, input }) => {
    const genuine = await signStatement(context.authenticator, context.passkey);
    const verdict = await verifyPasskeySignature(await input(context, genuine));
    expect(verdict).toMatchObject({ valid: false, code });
    expect(verdict.evidence).toBeUndefined();
    expect(verdict.newCounter).toBeUndefined();
    expect(verdict.message.vi).not.toBe('');
    expect(verdict.message.en).not.toBe('');
  });
});
