import { DateTimeType, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';
import { Person } from '../org/entities/person.entity';

/**
 * One upload: who sent which bytes, when, under what name and for what. The bytes live in FileStorage under
 * `storageKey`, derived from `sha256`, so the same content uploaded twice makes two rows and one stored blob.
 */
@Entity()
@Index({ properties: ['sha256'] })
export class StoredFile extends BaseEntity {
  /** SHA-256 of the content, lowercase hex. */
  @Property({ type: 'character', length: 64 })
  sha256!: string;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  /** The type read from the content (never the one the client declared). */
  @Property({ type: 'string', length: 255 })
  mediaType!: string;

  /** The client's name for the file, sanitised: no path, no control characters, NFC, at most 255 characters. */
  @Property({ type: 'string', length: 255 })
  originalName!: string;

  /** Where FileStorage keeps the bytes: `ab/cd/<sha256>`. */
  @Property({ type: 'string', length: 200 })
  storageKey!: string;

  @ManyToOne(() => Person, { index: true })
  uploadedBy!: Person;

  @Property({ type: DateTimeType })
  uploadedAt!: Date;

  /** What the file was uploaded for, e.g. `evidence`. */
  @Property({ type: 'string', length: 40 })
  purpose!: string;
}
