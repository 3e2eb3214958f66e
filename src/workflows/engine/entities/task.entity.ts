import { DateTimeType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../../modules/org/entities/person.entity';
import { Unit } from '../../../modules/org/entities/unit.entity';
import { Campaign } from './campaign.entity';
import { StageRun } from './stage-run.entity';

export type TaskStatus = 'open' | 'done' | 'cancelled';

/** What one assignee (a unit, or a person) must do in a stage run: the inbox item. */
@Entity()
@Unique({ properties: ['stageRun', 'assigneeKey'] })
@Index({ properties: ['assigneeUnit', 'status'] })
@Index({ properties: ['assigneePerson', 'status'] })
// The overview and the campaign page read a campaign's tasks by campaign.
@Index({ properties: ['campaign', 'status'] })
export class Task extends BaseEntity<'assigneeUnit' | 'assigneePerson' | 'aboutUnit' | 'status' | 'dueAt' | 'late' | 'outcome' | 'comment' | 'completedBy' | 'completedMandateId' | 'completedAt'> {
  @ManyToOne(() => Campaign, { deleteRule: 'cascade' })
  campaign!: Campaign;

  @ManyToOne(() => StageRun, { deleteRule: 'cascade' })
  stageRun!: StageRun;

  /**
   * `unit:<id>` or `person:<id>`, followed by `><unit id>` for a task about a unit: one task per assignee (and
   * unit) per stage run, enforced by the unique constraint.
   */
  @Property({ type: 'string', length: 80 })
  assigneeKey!: string;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  assigneeUnit: Unit | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  assigneePerson: Person | null = null;

  /** The unit the task is about, for stages that pair assignees with units (a score sheet's scored unit). */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  aboutUnit: Unit | null = null;

  @Property({ type: 'string', length: 16 })
  status: TaskStatus = 'open';

  @Property({ type: DateTimeType, nullable: true })
  dueAt: Date | null = null;

  /** Past its due date while open, or completed after it. */
  @Property({ type: 'boolean' })
  late: boolean = false;

  @Property({ type: 'string', length: 64, nullable: true })
  outcome: string | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  completedBy: Person | null = null;

  /** The mandate under which a unit's task was completed ("P acting for U under M"). */
  @Property({ type: 'uuid', nullable: true })
  completedMandateId: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  completedAt: Date | null = null;
}
