import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { FormVersion } from '../../forms/entities/form-version.entity';
import { Person } from '../../org/entities/person.entity';
import type { ScoringTableDocument } from '../table/scoring-table';
import { ScoringTableDefinition } from './scoring-table-definition.entity';

/** An immutable, published scoring table; score stages pin one at launch, with the sheet form generated from it. */
@Entity()
@Unique({ properties: ['definition', 'number'] })
@Unique({ properties: ['definition', 'contentHash'] })
export class ScoringTableVersion extends BaseEntity<'publishedBy' | 'sheetForm'> {
  @ManyToOne(() => ScoringTableDefinition, { deleteRule: 'restrict' })
  definition!: ScoringTableDefinition;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: JsonType })
  document!: ScoringTableDocument;

  /** SHA-256 of the canonical JSON of the document. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** The Form.io score sheet generated from this version (form key `scoring/<table key>`). */
  @ManyToOne(() => FormVersion, { nullable: true, deleteRule: 'restrict' })
  sheetForm: FormVersion | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  publishedBy: Person | null = null;

  @Property({ type: DateTimeType })
  publishedAt!: Date;
}
