import { DateTimeType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Campaign } from './campaign.entity';

export type StageRunStatus = 'active' | 'completed' | 'cancelled';

/** One visit of a campaign to a stage; a stage visited again (returned for changes) gets the next iteration. */
@Entity()
@Unique({ properties: ['campaign', 'stageKey', 'iteration'] })
@Index({ properties: ['status', 'dueAt'] })
export class StageRun extends BaseEntity<'status' | 'outcome' | 'dueAt' | 'closedAt' | 'overdue'> {
  @ManyToOne(() => Campaign, { deleteRule: 'cascade' })
  campaign!: Campaign;

  @Property({ type: 'string', length: 100 })
  stageKey!: string;

  @Property({ type: 'integer' })
  iteration!: number;

  @Property({ type: 'string', length: 32 })
  stageType!: string;

  @Property({ type: 'string', length: 16 })
  status: StageRunStatus = 'active';

  @Property({ type: 'string', length: 64, nullable: true })
  outcome: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  dueAt: Date | null = null;

  /** The deadline passed while the stage was open. */
  @Property({ type: 'boolean' })
  overdue: boolean = false;

  @Property({ type: DateTimeType, nullable: true })
  closedAt: Date | null = null;
}
