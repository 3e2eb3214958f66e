import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import type { RulePack } from '../rules/rule-pack';
import { RulePackDefinition } from './rule-pack-definition.entity';

/** An immutable, published rule pack; the latest version of each definition is in force from its `effectiveFrom`. */
@Entity()
@Unique({ properties: ['definition', 'number'] })
@Unique({ properties: ['definition', 'contentHash'] })
export class RulePackVersion extends BaseEntity<'publishedBy'> {
  @ManyToOne(() => RulePackDefinition, { deleteRule: 'restrict' })
  definition!: RulePackDefinition;

  @Property({ type: 'integer' })
  number!: number;

  /** A pack that passed validateRulePack. */
  @Property({ type: JsonType })
  document!: RulePack;

  /** SHA-256 of the canonical JSON of the document. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** The document's `effectiveFrom` (YYYY-MM-DD), as a column so packs are ordered without reading their documents. */
  @Property({ type: 'string', length: 10 })
  effectiveFrom!: string;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  publishedBy: Person | null = null;

  @Property({ type: DateTimeType })
  publishedAt!: Date;
}
