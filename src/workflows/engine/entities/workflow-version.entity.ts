import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../../modules/org/entities/person.entity';
import type { WorkflowDocument } from '../../definitions/workflow-document';
import { WorkflowDefinition } from './workflow-definition.entity';

/** An immutable, published version of a workflow; campaigns pin one. */
@Entity()
@Unique({ properties: ['definition', 'number'] })
@Unique({ properties: ['definition', 'contentHash'] })
export class WorkflowVersion extends BaseEntity<'publishedBy'> {
  @ManyToOne(() => WorkflowDefinition, { deleteRule: 'restrict' })
  definition!: WorkflowDefinition;

  /** 1, 2, 3… per definition. */
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: JsonType })
  document!: WorkflowDocument;

  /** SHA-256 of the canonical JSON of the document. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  publishedBy: Person | null = null;

  @Property({ type: DateTimeType })
  publishedAt!: Date;
}
