import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import type { FormSchema } from '../form-schema';
import { FormDefinition } from './form-definition.entity';

/** An immutable, published version of a form; tasks and submissions pin one. */
@Entity()
@Unique({ properties: ['definition', 'number'] })
@Unique({ properties: ['definition', 'contentHash'] })
export class FormVersion extends BaseEntity<'publishedBy'> {
  @ManyToOne(() => FormDefinition, { deleteRule: 'restrict' })
  definition!: FormDefinition;

  /** 1, 2, 3… per definition. */
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: JsonType })
  schema!: FormSchema;

  /** SHA-256 of the canonical JSON of the schema. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  publishedBy: Person | null = null;

  @Property({ type: DateTimeType })
  publishedAt!: Date;
}
