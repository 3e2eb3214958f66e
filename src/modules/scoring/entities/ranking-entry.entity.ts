import { Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Unit } from '../../org/entities/unit.entity';

/**
 * One unit's place in a rank stage run (xếp hạng): the aggregate, the council's adjustment, the grade and the
 * rank, with everything needed to explain them. Recomputing a run replaces its rows (unique per run and unit).
 */
@Entity()
@Unique({ properties: ['stageRunId', 'unit'] })
export class RankingEntry extends BaseEntity<'adjustment' | 'adjustmentReason' | 'tiedWith' | 'decidedBy' | 'grade'> {
  @Property({ type: 'uuid' })
  campaignId!: string;

  @Property({ type: 'uuid' })
  stageRunId!: string;

  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  /** The aggregate of the used sheets, in hundredths. */
  @Property({ type: 'integer' })
  aggregate!: number;

  /** The council's final adjustment (hundredths, may be negative), with its reason. */
  @Property({ type: 'integer' })
  adjustment: number = 0;

  @Property({ type: 'text', nullable: true })
  adjustmentReason: string | null = null;

  /** aggregate + adjustment, in hundredths. */
  @Property({ type: 'integer' })
  total!: number;

  /** 1-based; units the tie-break chain cannot separate share a rank. */
  @Property({ type: 'integer' })
  rank!: number;

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
