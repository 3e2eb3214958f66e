import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Language } from '../../common/i18n/language';
import { Person } from '../org/entities/person.entity';
import { MailDelivery, MailPreference } from './entities/mail-preference.entity';

export interface MailChoice {
  fullName: string;
  delivery: MailDelivery;
  language: Language;
  email: string | null;
}

/** A person's choice of e-mail delivery and language; without a row, every notice at once, in Vietnamese. */
@Injectable()
export class MailPreferencesService {
  constructor(private readonly em: EntityManager) {}

  async get(personId: string): Promise<MailChoice> {
    return (await this.forPeople([personId])).get(personId) ?? { delivery: 'immediate', language: 'vi', email: null, fullName: '' };
  }

  /** The choices and addresses of active people (archived people get no mail). */
  async forPeople(personIds: string[]): Promise<Map<string, MailChoice>> {
    const em = this.em.fork();
    const ids = [...new Set(personIds)];
    if (!ids.length) return new Map();
    const people = await em.find(Person, { id: { $in: ids }, archivedAt: null }, { fields: ['email', 'fullName'] });
    const preferences = new Map((await em.find(MailPreference, { person: { $in: ids } })).map((p) => [p.person.id, p]));
    return new Map(
      people.map((person) => {
        const preference = preferences.get(person.id);
        return [person.id, { fullName: person.fullName, delivery: preference?.delivery ?? 'immediate', language: preference?.language ?? 'vi', email: person.email?.trim() || null }];
      }),
    );
  }

  async set(personId: string, choice: { delivery?: MailDelivery; language?: Language }): Promise<MailChoice> {
    const em = this.em.fork();
    const existing = await em.findOne(MailPreference, { person: personId });
    if (existing) em.assign(existing, choice);
    else em.create(MailPreference, { person: em.getReference(Person, personId), ...choice });
    await em.flush();
    return this.get(personId);
  }
}
