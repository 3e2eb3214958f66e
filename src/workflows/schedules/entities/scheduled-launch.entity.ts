import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Campaign } from '../../engine/entities/campaign.entity';
import { LaunchSchedule } from './launch-schedule.entity';

/** `launched`: this schedule launched the campaign; `existed`: one of the workflow for that year and subject was already there; `failed`: retried on the next tick. */
export type ScheduledLaunchStatus = 'launched' | 'existed' | 'failed';
/** What the latest attempt did (a duplicate attempt on a launched row is `existed`). */
export type LaunchAttemptOutcome = ScheduledLaunchStatus;

/**
 * One subject of one schedule's year. Inserted in the same transaction as the campaign it launches, under a unique
 * (schedule, year, subjectKey): a second worker, a redelivered job or a Redis that lost its data meets the unique
 * violation and launches nothing.
 */
@Entity()
@Unique({ properties: ['schedule', 'year', 'subjectKey'] })
export class ScheduledLaunch extends BaseEntity<'campaign' | 'errorCode' | 'errorMessage' | 'errorParams' | 'attempts' | 'lastOutcome' | 'lastAttemptAt'> {
  @ManyToOne(() => LaunchSchedule, { deleteRule: 'cascade' })
  schedule!: LaunchSchedule;

  @Property({ type: 'integer' })
  year!: number;

  /** `cluster:<id>` or `unit:<id>`. */
  @Property({ type: 'string', length: 64 })
  subjectKey!: string;

  @Property({ type: 'string', length: 16 })
  status!: ScheduledLaunchStatus;

  @ManyToOne(() => Campaign, { nullable: true, deleteRule: 'set null' })
  campaign: Campaign | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  errorCode: string | null = null;

  /** The refusal's message in Vietnamese, as it was when recorded. */
  @Property({ type: 'text', nullable: true })
  errorMessage: string | null = null;

  /** The refusal's parameters, so that pages and the API can say it in the reader's language. */
  @Property({ type: JsonType, nullable: true })
  errorParams: Record<string, unknown> | null = null;

  @Property({ type: 'integer' })
  attempts: number = 1;

  @Property({ type: 'string', length: 16, nullable: true })
  lastOutcome: LaunchAttemptOutcome | null = null;

  @Property({ type: DateTimeType, nullable: true })
  lastAttemptAt: Date | null = null;
}
