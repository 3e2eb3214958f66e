import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/*
 * A passkey authenticator and its browser in software, for tests without Chromium: it answers
 * navigator.credentials.create() and .get() options with the JSON @simplewebauthn/browser would send.
 * Written from the WebAuthn spec with node:crypto and its own CBOR, not with the library under test.
 */

export type SoftwareAlgorithm = 'ES256' | 'RS256';

export interface SoftwareAuthenticatorOptions {
  rpId?: string;
  /** The page's origin, which the browser writes into clientDataJSON. */
  origin?: string;
  /** Whether the authenticator verifies the user (fingerprint, PIN); true unless a test says otherwise. */
  userVerified?: boolean;
  algorithm?: SoftwareAlgorithm;
}

/** What a test may falsify in one signing, to see it refused. */
export interface SignOverrides {
  origin?: string;
  rpId?: string;
  userVerified?: boolean;
  /** base64url challenge to sign instead of the one in the options. */
  challenge?: string;
  /** Sign from our page framed by this other site (clientDataJSON's crossOrigin and topOrigin). */
  topOrigin?: string;
}

interface SoftwareCredential {
  id: Buffer;
  privateKey: KeyObject;
  userHandle: string;
  signCount: number;
}

const COSE_ALGORITHM: Record<SoftwareAlgorithm, number> = { ES256: -7, RS256: -257 };

// Authenticator data flags (WebAuthn §6.1): user present, user verified, attested credential data included.
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/** A software authenticator ("none" attestation, zero AAGUID) holding any number of credentials. */
export class SoftwareAuthenticator {
  readonly rpId: string;
  readonly origin: string;
  private readonly userVerified: boolean;
  private readonly algorithm: SoftwareAlgorithm;
  private readonly credentials: SoftwareCredential[] = [];

  constructor(options: SoftwareAuthenticatorOptions = {}) {
    this.rpId = options.rpId ?? 'localhost';
    this.origin = options.origin ?? 'http://localhost:3000';
    this.userVerified = options.userVerified ?? true;
    this.algorithm = options.algorithm ?? 'ES256';
  }

  /** navigator.credentials.create(): makes a new key pair and attests it with format "none". */
  register(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
    const alg = COSE_ALGORITHM[this.algorithm];
    if (!options.pubKeyCredParams.some((param) => param.alg === alg)) throw new Error(`NotSupportedError: the options do not accept ${this.algorithm}`);
    const excluded = new Set((options.excludeCredentials ?? []).map((descriptor) => descriptor.id));
    if (this.credentials.some((credential) => excluded.has(credential.id.toString('base64url')))) {
      throw new Error('InvalidStateError: this authenticator already holds an excluded credential');
    }
    const { privateKey, publicKey } =
      this.algorithm === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
    const credential: SoftwareCredential = { id: randomBytes(32), privateKey, userHandle: options.user.id, signCount: 0 };
    this.credentials.push(credential);

    const rpId = options.rp.id ?? this.rpId;
    const coseKey = cbor(cosePublicKey(publicKey, alg));
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const attestedCredentialData = Buffer.concat([Buffer.alloc(16), idLength, credential.id, coseKey]);
    const authenticatorData = Buffer.concat([this.authenticatorDataHead(rpId, FLAG_AT | this.userFlags(this.userVerified), 0), attestedCredentialData]);
    const attestationObject = cbor(new Map<CborKey, CborValue>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authenticatorData]]));
    const id = credential.id.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, this.origin),
        attestationObject: attestationObject.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        transports: ['internal'],
        publicKeyAlgorithm: alg,
        publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** navigator.credentials.get(): signs authenticatorData ‖ SHA-256(clientDataJSON) with an allowed credential. */
  sign(options: PublicKeyCredentialRequestOptionsJSON, overrides: SignOverrides = {}): AuthenticationResponseJSON {
    const credential = this.pickCredential(options);
    credential.signCount += 1;
    const rpId = overrides.rpId ?? options.rpId ?? this.rpId;
    const authenticatorData = this.authenticatorDataHead(rpId, this.userFlags(overrides.userVerified ?? this.userVerified), credential.signCount);
    const clientDataJSON = this.clientData('webauthn.get', overrides.challenge ?? options.challenge, overrides.origin ?? this.origin, overrides.topOrigin);
    const clientDataHash = createHash('sha256').update(Buffer.from(clientDataJSON, 'base64url')).digest();
    // ECDSA signatures are DER-encoded in WebAuthn (node's default); RSA is PKCS#1 v1.5 with SHA-256.
    const signature = sign('sha256', Buffer.concat([authenticatorData, clientDataHash]), credential.privateKey);
    const id = credential.id.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON,
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  private pickCredential(options: PublicKeyCredentialRequestOptionsJSON): SoftwareCredential {
    const allowed = (options.allowCredentials ?? []).map((descriptor) => descriptor.id);
    // With no allow list the browser offers discoverable credentials; this one takes the newest.
    const credential = allowed.length
      ? this.credentials.find((candidate) => allowed.includes(candidate.id.toString('base64url')))
      : this.credentials[this.credentials.length - 1];
    if (!credential) throw new Error('NotAllowedError: no credential of this authenticator is allowed');
    return credential;
  }

  private userFlags(userVerified: boolean): number {
    return FLAG_UP | (userVerified ? FLAG_UV : 0);
  }

  /** rpIdHash (32) ‖ flags (1) ‖ signCount (4, big-endian). */
  private authenticatorDataHead(rpId: string, flags: number, signCount: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(signCount);
    return Buffer.concat([createHash('sha256').update(rpId, 'utf8').digest(), Buffer.from([flags]), counter]);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string, topOrigin?: string): string {
    const frame = topOrigin ? { crossOrigin: true, topOrigin } : { crossOrigin: false };
    return Buffer.from(JSON.stringify({ type, challenge, origin, ...frame }), 'utf8').toString('base64url');
  }
}

/** The COSE_Key of a public key (RFC 9053): EC2 P-256 {kty, alg, crv, x, y} or RSA {kty, alg, n, e}. */
function cosePublicKey(publicKey: KeyObject, alg: number): Map<CborKey, CborValue> {
  const jwk = publicKey.export({ format: 'jwk' });
  const bytes = (value: string | undefined) => Buffer.from(value ?? '', 'base64url');
  if (jwk.kty === 'EC') {
    return new Map<CborKey, CborValue>([[1, 2], [3, alg], [-1, 1], [-2, bytes(jwk.x)], [-3, bytes(jwk.y)]]);
  }
  return new Map<CborKey, CborValue>([[1, 3], [3, alg], [-1, bytes(jwk.n)], [-2, bytes(jwk.e)]]);
}

type CborKey = number | string;
type CborValue = number | string | Uint8Array | Map<CborKey, CborValue>;

/** The initial byte (major type, length) and up to 4 length bytes of a CBOR item (RFC 8949 §3). */
function cborHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(length, 1);
  return head;
}

/** The CBOR of integers, text, byte strings and maps: all that COSE keys and "none" attestations need. */
export function cbor(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Math.abs(value) > 0xffffffff) throw new Error(`cbor: unsupported number ${value}`);
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === 'string') {
    const utf8 = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, utf8.length), utf8]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
  const entries = [...value.entries()].flatMap(([key, item]) => [cbor(key), cbor(item)]);
  return Buffer.concat([cborHead(5, value.size), ...entries]);
}
