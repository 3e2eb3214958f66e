import { Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../../modules/org/entities/person.entity';
import { WorkflowDefinition } from '../../engine/entities/workflow-definition.entity';

/** Whom a schedule launches for: every non-archived cluster of its year, or every unit of a type. */
export type ScheduleSubjectKind = 'every-active-cluster' | 'units-of-type';
export const SCHEDULE_SUBJECT_KINDS: readonly ScheduleSubjectKind[] = ['every-active-cluster', 'units-of-type'];

/** `none`: on the date itself; `next-working-day`: the first working day on or after it (working calendar). */
export type ScheduleShift = 'none' | 'next-working-day';
export const SCHEDULE_SHIFTS: readonly ScheduleShift[] = ['none', 'next-working-day'];

/** What the last run of a schedule did (written by the `schedule.run` parent job once its children finished). */
export interface ScheduleRunSummary {
  finishedAt: string;
  year: number;
  subjects: number;
  launched: number;
  existed: number;
  failed: number;
}

/**
 * An administrator's rule to launch a workflow by itself (lịch tự động phát động): on a date of the year, for every
 * subject, exactly once per (workflow, year, subject) — the ScheduledLaunch rows' unique key guarantees it. The
 * latest published version of the workflow is launched at run time.
 */
@Entity()
@Unique({ properties: ['workflow', 'year', 'subjectKind', 'unitType'] })
export class LaunchSchedule extends BaseEntity<'enabled' | 'version' | 'lastRun' | 'unitType' | 'shift'> {
  @ManyToOne(() => WorkflowDefinition, { deleteRule: 'restrict' })
  workflow!: WorkflowDefinition;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string', length: 32 })
  subjectKind!: ScheduleSubjectKind;

  /** `units-of-type`: the unit type (see unit-types.ts); empty for clusters (not null, so the unique key holds). */
  @Property({ type: 'string', length: 64 })
  unitType: string = '';

  /** `--MM-DD` in the schedule's year, in Vietnam time. */
  @Property({ type: 'string', length: 7 })
  date!: string;

  @Property({ type: 'string', length: 20 })
  shift: ScheduleShift = 'none';

  /** The campaign's name; `{year}` and `{subject}` (the cluster's or unit's name) are filled in. */
  @Property({ type: 'string', length: 255 })
  nameTemplate!: string;

  @Property({ type: 'boolean' })
  enabled: boolean = true;

  /** The administrator the campaigns are launched as (their `launchedBy`). */
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  createdBy!: Person;

  @Property({ type: JsonType, nullable: true })
  lastRun: ScheduleRunSummary | null = null;

  /** Optimistic lock for administrators' edits. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
