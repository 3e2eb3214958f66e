import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';

/** How a person wants notices by e-mail: each at once, gathered in one daily digest, or none. */
export type MailDelivery = 'immediate' | 'digest' | 'none';
export const MAIL_DELIVERIES: readonly MailDelivery[] = ['immediate', 'digest', 'none'];

/**
 * A person's e-mail choices. Kept beside the person rather than on it, so that e-mail owns its own table; a person
 * without a row gets the defaults: every notice at once, in Vietnamese.
 */
@Entity()
export class MailPreference extends BaseEntity<'delivery' | 'language'> {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Unique()
  person!: Person;

  @Property({ type: 'string', length: 16 })
  delivery: MailDelivery = 'immediate';

  @Property({ type: 'string', length: 2 })
  language: Language = 'vi';
}
