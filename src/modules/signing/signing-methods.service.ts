import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { PasskeyCredential } from './entities/passkey-credential.entity';
import { PersonCertificate } from './entities/person-certificate.entity';
import { TrustAnchor } from './entities/trust-anchor.entity';
import { passkeySigningOptions, verifyPasskeySignature } from './passkey/passkey-ceremonies';
import { SigningStatement, statementBytes, statementHash } from './statement/signing-statement';
import { verifyDetachedCms } from './x509/cms-verifier';

/** Scans of paper signatures: what a secretary may attach (magic bytes, not the file name, decide). */
const SCAN_TYPES: Array<{ mime: string; magic: number[] }> = [
  { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/**
 * Checks a signature by each method against the statement and returns its evidence: what is stored with the
 * signature and is enough to verify it again without the server (the bundle's verifier calls the same functions).
 */
@Injectable()
export class SigningMethodsService {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  /** Options for navigator.credentials.get(): the statement hash as the challenge, the signer's passkeys allowed. */
  async passkeyOptions(em: EntityManager, personId: string, hash: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const credentials = await em.find(PasskeyCredential, { person: personId });
    return passkeySigningOptions({ rpId: this.config.get('signing', { infer: true }).rpId, statementHash: hash, allowCredentialIds: credentials.map((c) => c.credentialId) });
  }

  /** A passkey assertion over the statement hash by one of the signer's registered passkeys; its counter moves on. */
  async passkey(em: EntityManager, personId: string, statement: SigningStatement, response: unknown): Promise<Record<string, unknown>> {
    const credentialId = typeof response === 'object' && response !== null ? (response as { id?: unknown }).id : undefined;
    const credential = typeof credentialId === 'string' ? await em.findOne(PasskeyCredential, { credentialId, person: personId }) : null;
    if (!credential) throw new AppError('PASSKEY_NOT_REGISTERED');
    const { rpId, origin } = this.config.get('signing', { infer: true });
    const verdict = await verifyPasskeySignature({
      statementHash: statementHash(statement),
      response: response as never,
      credential: { id: credential.credentialId, publicKey: credential.publicKey, counter: credential.counter },
      rpId,
      origin,
    });
    if (!verdict.valid || !verdict.evidence) throw new AppError('SIGNATURE_INVALID', { reason: verdict.message }, { code: verdict.code, en: verdict.message.en });
    credential.counter = verdict.newCounter ?? credential.counter;
    credential.lastUsedAt = new Date();
    return { ...verdict.evidence };
  }

  /**
   * A detached CMS (chữ ký số) over the statement file, by a certificate registered for the signer, chaining to a
   * trust anchor, valid at the statement's signing time. Revocation is not checked online; the evidence says so.
   */
  async x509(em: EntityManager, personId: string, statement: SigningStatement, signature: Buffer): Promise<Record<string, unknown>> {
    const [anchors, certificates] = await Promise.all([em.find(TrustAnchor, {}), em.find(PersonCertificate, { person: personId })]);
    const verdict = await verifyDetachedCms({
      statement: statementBytes(statement),
      signature,
      trustAnchors: anchors.map((anchor) => Buffer.from(anchor.pem)),
      registeredFingerprints: certificates.map((certificate) => certificate.fingerprint),
      at: new Date(statement.signedAt),
    });
    if (!verdict.valid) {
      const failed = verdict.checks.filter((check) => !check.ok);
      throw new AppError('SIGNATURE_INVALID', { reason: { vi: failed.map((check) => check.message.vi).join('; '), en: failed.map((check) => check.message.en).join('; ') } }, { checks: failed.map(({ key, code, message }) => ({ key, code, message })) });
    }
    return {
      cms: signature.toString('base64'),
      signer: verdict.signer,
      chain: verdict.chain,
      trustAnchors: anchors.map((anchor) => anchor.pem),
      revocationChecked: false,
    };
  }

  /** The scanned signed page of a paper signature: its type from its first bytes, its SHA-256, and the file itself. */
  paper(scan: Buffer, recordedBy: { personId: string; fullName: string }, note: string | undefined): Record<string, unknown> {
    const type = SCAN_TYPES.find(({ magic }) => scan.length > magic.length && magic.every((byte, index) => scan[index] === byte));
    if (!type) throw new AppError('SCAN_INVALID');
    return {
      scanSha256: createHash('sha256').update(scan).digest('hex'),
      scanType: type.mime,
      scan: scan.toString('base64'),
      recordedBy,
      note: note?.trim() || null,
    };
  }
}
