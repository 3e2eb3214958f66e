import { DateTimeType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';
import { Person } from '../org/entities/person.entity';

/** A refresh token, stored as its SHA-256 only; rotated on every use, revoked on sign-out. */
@Entity()
export class RefreshToken extends BaseEntity<'revokedAt'> {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  /** Tokens rotated from one sign-in share a family; reuse of a revoked one revokes the family. */
  @Property({ type: 'uuid' })
  @Index()
  family!: string;

  @Property({ type: DateTimeType })
  expiresAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  revokedAt: Date | null = null;
}
