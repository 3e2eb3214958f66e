import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Cluster } from '../../../modules/org/entities/cluster.entity';
import { Person } from '../../../modules/org/entities/person.entity';
import { Unit } from '../../../modules/org/entities/unit.entity';
import { WorkflowVersion } from './workflow-version.entity';

export type CampaignStatus = 'running' | 'completed' | 'cancelled';

/** A running instance of a pinned workflow version for a subject (a cluster and year, or a unit). */
@Entity()
@Index({ properties: ['status'] })
// The overview reads a year's campaigns.
@Index({ properties: ['year'] })
export class Campaign extends BaseEntity<'subjectCluster' | 'subjectUnit' | 'status' | 'context' | 'activeStages' | 'version' | 'cancelReason' | 'endedAt' | 'launchedBy'> {
  @Property({ type: 'string', length: 255 })
  name!: string;

  @ManyToOne(() => WorkflowVersion, { deleteRule: 'restrict' })
  workflowVersion!: WorkflowVersion;

  @ManyToOne(() => Cluster, { nullable: true, deleteRule: 'restrict' })
  subjectCluster: Cluster | null = null;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  subjectUnit: Unit | null = null;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string', length: 16 })
  status: CampaignStatus = 'running';

  /** Facts the workflow's conditions read (JSONLogic `var`), e.g. outcomes of earlier stages. */
  @Property({ type: JsonType })
  context: Record<string, unknown> = {};

  /** Keys of the stages open now. */
  @Property({ type: JsonType })
  activeStages: string[] = [];

  /** Optimistic lock: every command checks and bumps it in its transaction. */
  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  endedAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  launchedBy: Person | null = null;
}
