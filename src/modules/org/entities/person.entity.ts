import { DateTimeType, Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/** A person who may sign in and act for units under mandates. */
@Entity()
export class Person extends BaseEntity<'email' | 'position' | 'passwordHash' | 'archivedAt' | 'recruitedOn'> {
  @Property({ type: 'string', length: 100 })
  @Unique()
  username!: string;

  @Property({ type: 'string', length: 255 })
  fullName!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  email: string | null = null;

  /** Job title shown next to the name, e.g. "Viện trưởng". */
  @Property({ type: 'string', length: 255, nullable: true })
  position: string | null = null;

  /** argon2id hash; null until a password is set (the person cannot sign in). */
  @Property({ type: 'string', length: 255, nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  /** Date of recruitment (ngày tuyển dụng), YYYY-MM-DD: recent recruits may not yet receive individual titles. */
  @Property({ type: 'string', length: 10, nullable: true })
  recruitedOn: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;
}
