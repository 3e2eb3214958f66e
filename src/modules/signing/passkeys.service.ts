import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { Person } from '../org/entities/person.entity';
import { PasskeyCredential } from './entities/passkey-credential.entity';
import { passkeyRegistrationOptions, verifyPasskeyRegistration } from './passkey/passkey-ceremonies';

/** How long registration options stay usable. */
const TICKET_TTL_MS = 5 * 60 * 1000;

export interface PasskeyRegistrationStart {
  options: PublicKeyCredentialCreationOptionsJSON;
  /** Carries the challenge back with the response, signed by the server: no state kept between the two requests. */
  ticket: string;
}

/** The passkeys a person registers on their account page to sign with (khóa truy cập). */
@Injectable()
export class PasskeysService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  list(personId: string): Promise<PasskeyCredential[]> {
    return this.em.fork().find(PasskeyCredential, { person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  async start(personId: string): Promise<PasskeyRegistrationStart> {
    const em = this.em.fork();
    const person = await em.findOneOrFail(Person, personId);
    const existing = await em.find(PasskeyCredential, { person: personId });
    const { rpId, rpName } = this.config.get('signing', { infer: true });
    const options = await passkeyRegistrationOptions({
      rpId,
      rpName,
      person: { id: person.id, username: person.username, displayName: person.fullName },
      excludeCredentialIds: existing.map((credential) => credential.credentialId),
    });
    return { options, ticket: this.ticket(personId, options.challenge, Date.now() + TICKET_TTL_MS) };
  }

  async finish(personId: string, input: { ticket: string; response: RegistrationResponseJSON; label: string }): Promise<PasskeyCredential> {
    const challenge = this.challengeOf(personId, input.ticket);
    const { rpId, origin } = this.config.get('signing', { infer: true });
    const result = await verifyPasskeyRegistration({ response: input.response, expectedChallenge: challenge, rpId, origin });
    if (!result.valid) throw new AppError('PASSKEY_REGISTRATION_INVALID', { reason: result.message }, { code: result.code, en: result.message.en });
    const em = this.em.fork();
    if (await em.count(PasskeyCredential, { credentialId: result.credentialId })) throw new AppError('PASSKEY_EXISTS');
    const credential = em.create(PasskeyCredential, {
      person: em.getReference(Person, personId),
      credentialId: result.credentialId,
      publicKey: result.publicKey,
      counter: result.counter,
      transports: result.transports,
      label: input.label.trim(),
    });
    await em.flush();
    return credential;
  }

  async remove(personId: string, id: string): Promise<void> {
    const em = this.em.fork();
    const credential = await em.findOne(PasskeyCredential, { id, person: personId });
    if (!credential) throw new AppError('PASSKEY_NOT_REGISTERED');
    await em.remove(credential).flush();
  }

  private ticket(personId: string, challenge: string, expires: number): string {
    const body = Buffer.from(JSON.stringify({ p: personId, c: challenge, e: expires, n: randomBytes(8).toString('hex') })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  private challengeOf(personId: string, ticket: string): string {
    const [body, mac] = ticket.split('.');
    const expected = body ? this.mac(body) : '';
    if (!body || !mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) throw new AppError('PASSKEY_TICKET_INVALID');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { p: string; c: string; e: number };
    if (claims.p !== personId || claims.e < Date.now()) throw new AppError('PASSKEY_TICKET_INVALID');
    return claims.c;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.config.get('auth', { infer: true }).jwtSecret).update(`passkey-registration:${body}`).digest('base64url');
  }
}
