import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { FormVersion } from '../entities/form-version.entity';

export type FormSubmissionStatus = 'draft' | 'submitted';

/**
 * The data a unit (or person) filled in for one task, in the form version the campaign pinned: a draft
 * until submitted. One row per task (unique), so a repeated submit replaces rather than duplicates.
 * Task and campaign are plain ids: modules do not depend on the workflow engine's entities.
 */
@Entity()
@Unique({ properties: ['taskId'] })
@Index({ properties: ['campaignId'] })
export class FormSubmission extends BaseEntity<'unit' | 'mandateId' | 'status' | 'late' | 'submittedAt'> {
  @Property({ type: 'uuid' })
  taskId!: string;

  @Property({ type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => FormVersion, { deleteRule: 'restrict' })
  formVersion!: FormVersion;

  /** The unit the person acted for; null for a task assigned to a person. */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit: Unit | null = null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  person!: Person;

  @Property({ type: 'uuid', nullable: true })
  mandateId: string | null = null;

  /** The cleaned data returned by the validator (unknown keys and hidden fields removed), never the raw payload. */
  @Property({ type: JsonType })
  data!: Record<string, unknown>;

  @Property({ type: 'string', length: 16 })
  status: FormSubmissionStatus = 'draft';

  /** Submitted after the task's due time. */
  @Property({ type: 'boolean' })
  late: boolean = false;

  @Property({ type: DateTimeType, nullable: true })
  submittedAt: Date | null = null;
}
