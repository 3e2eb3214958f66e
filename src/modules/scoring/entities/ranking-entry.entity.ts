import { Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Unit } from '../../org/entities/unit.entity';

/**
 * One unit's place in a rank stage run (xếp hạng): the aggregate, the council's adjustment, the grade and the
 * rank, with everything needed to explain them. Recomputing a run replaces its rows (unique per run and unit).
 */
@Entity()
@Unique({ properties: ['stageRunId', 'unit'] })
export class RankingEntry extends BaseEntity<'aggregate' | 'adjustment' | 'adjustmentReason' | 'total' | 'rank' | 'tiedWith' | 'decidedBy' | 'grade'> {
  @Property({ type: 'uuid' })
  campaignId!: string;

  @Property({ type: 'uuid' })
  stageRunId!: string;

  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  /** The aggregate of the used sheets, in hundredths; null for a unit not ranked (no sheet to use, see the breakdown). */
  @Property({ type: 'integer', nullable: true })
  aggregate: number | null = null;

  /** The council's final adjustment (hundredths, may be negative), with its reason. */
  @Property({ type: 'integer' })
  adjustment: number = 0;

  @Property({ type: 'text', nullable: true })
  adjustmentReason: string | null = null;

  /** aggregate + adjustment, in hundredths; null for a unit not ranked. */
  @Property({ type: 'integer', nullable: true })
  total: number | null = null;

  /** 1-based; units the tie-break chain cannot separate share a rank; null for a unit not ranked. */
  @Property({ type: 'integer', nullable: true })
  rank: number | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  grade: string | null = null;

  @Property({ type: JsonType, nullable: true })
  tiedWith: string[] | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  decidedBy: string | null = null;

  /** Group points, the sheets used and dropped, and the explanation lines (vi/en). */
  @Property({ type: JsonType })
  breakdown!: Record<string, unknown>;
}
