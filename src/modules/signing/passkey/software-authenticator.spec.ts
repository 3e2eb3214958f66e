import { createHash, createPublicKey, verify } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { cbor, SoftwareAuthenticator } from '../../../../test/support/software-authenticator';

/*
 * The test authenticator checked on its own, against RFC 8949's examples and node:crypto, so that the passkey
 * specs do not rest on a fake that merely agrees with the library under test.
 */

describe('cbor (RFC 8949, Appendix A)', () => {
  it.each<[string, Parameters<typeof cbor>[0], string]>([
    ['0', 0, '00'],
    ['23', 23, '17'],
    ['24', 24, '1818'],
    ['1000', 1000, '1903e8'],
    ['1000000', 1000000, '1a000f4240'],
    ['-1', -1, '20'],
    ['-100', -100, '3863'],
    ['-1000', -1000, '3903e7'],
    ['""', '', '60'],
    ['"IETF"', 'IETF', '6449455446'],
    ['"ü"', 'ü', '62c3bc'],
    ["h''", new Uint8Array(), '40'],
    ["h'01020304'", Uint8Array.from([1, 2, 3, 4]), '4401020304'],
    ['{}', new Map(), 'a0'],
    ['{1: 2, 3: 4}', new Map([[1, 2], [3, 4]]), 'a201020304'],
    ['{"a": 1}', new Map([['a', 1]]), 'a1616101'],
  ])('%s', (_name, value, hex) => {
    expect(cbor(value).toString('hex')).toBe(hex);
  });

  it('gives a 256-byte string (an RSA modulus) a two-byte length', () => {
    expect(cbor(new Uint8Array(256)).subarray(0, 3).toString('hex')).toBe('590100');
  });
});

describe('SoftwareAuthenticator', () => {
  const RP_ID = 'thidua.example.vn';
  const creation: PublicKeyCredentialCreationOptionsJSON = {
    rp: { id: RP_ID, name: 'Thi đua' },
    user: { id: 'dXNlcg', name: 'user', displayName: 'User' },
    challenge: 'Y3JlYXRl',
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  };
  const request: PublicKeyCredentialRequestOptionsJSON = { rpId: RP_ID, challenge: 'c2lnbg', userVerification: 'required' };

  it('signs authenticatorData ‖ SHA-256(clientDataJSON) so that node:crypto verifies it with the registered key', () => {
    const authenticator = new SoftwareAuthenticator({ rpId: RP_ID, origin: 'https://thidua.example.vn' });
    const registration = authenticator.register(creation);
    const assertion = authenticator.sign(request);
    const authenticatorData = Buffer.from(assertion.response.authenticatorData, 'base64url');
    const clientDataJSON = Buffer.from(assertion.response.clientDataJSON, 'base64url');

    expect(authenticatorData.subarray(0, 32)).toEqual(createHash('sha256').update(RP_ID).digest());
    expect(authenticatorData[32]).toBe(0x05); // user present and verified
    expect(authenticatorData.readUInt32BE(33)).toBe(1);
    expect(JSON.parse(clientDataJSON.toString('utf8'))).toEqual({ type: 'webauthn.get', challenge: 'c2lnbg', origin: 'https://thidua.example.vn', crossOrigin: false });
    expect(assertion.response.userHandle).toBe('dXNlcg');

    const publicKey = createPublicKey({ key: Buffer.from(registration.response.publicKey!, 'base64url'), format: 'der', type: 'spki' });
    const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
    expect(verify('sha256', signed, publicKey, Buffer.from(assertion.response.signature, 'base64url'))).toBe(true);
    expect(verify('sha256', Buffer.concat([signed, Buffer.from([0])]), publicKey, Buffer.from(assertion.response.signature, 'base64url'))).toBe(false);
  });

  it('counts its signatures and leaves the UV flag out for an unverified user', () => {
    const authenticator = new SoftwareAuthenticator({ rpId: RP_ID });
    authenticator.register(creation);
    authenticator.sign(request);
    const second = Buffer.from(authenticator.sign(request, { userVerified: false }).response.authenticatorData, 'base64url');
    expect(second[32]).toBe(0x01);
    expect(second.readUInt32BE(33)).toBe(2);
  });

  it('refuses options that accept none of its algorithms, and a request for credentials it does not hold', () => {
    const authenticator = new SoftwareAuthenticator({ algorithm: 'RS256' });
    expect(() => authenticator.register(creation)).toThrow(/NotSupportedError/);
    expect(() => authenticator.sign({ ...request, allowCredentials: [{ id: 'AAEC', type: 'public-key' }] })).toThrow(/NotAllowedError/);
  });
});
