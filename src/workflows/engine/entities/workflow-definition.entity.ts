import { DateTimeType, Entity, JsonType, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import type { WorkflowDocument } from '../../definitions/workflow-document';

/** A workflow an administrator edits as a draft; publishing freezes the draft into a WorkflowVersion. */
@Entity()
export class WorkflowDefinition extends BaseEntity<'builtIn' | 'archivedAt'> {
  /** Stable key, e.g. `cluster-pact`. */
  @Property({ type: 'string', length: 100 })
  @Unique()
  key!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: JsonType })
  draft!: WorkflowDocument;

  /** Loaded from src/workflows/definitions/*.workflow.json. */
  @Property({ type: 'boolean' })
  builtIn: boolean = false;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;
}
