import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { ScoringTableVersion } from './scoring-table-version.entity';

/** Who scores: the unit itself, a peer, the cluster head, a council member; `final` is the council's adjusted sheet. */
export type ScoreSheetKind = 'self' | 'peer' | 'head' | 'council' | 'final';

/** `recused`: the scorer declined with a reason; the sheet leaves the aggregate and the recusal stays on record. */
export type ScoreSheetStatus = 'draft' | 'submitted' | 'recused';

/**
 * One scorer's sheet for one scored unit in one score stage run (phiếu chấm điểm). Campaign, stage run and task
 * are kept as plain ids: the scoring module does not depend on the engine. The task is unique, so concurrent
 * submissions of one sheet make one sheet.
 */
@Entity()
@Unique({ properties: ['taskId'] })
@Index({ properties: ['campaignId', 'scoredUnit'] })
@Index({ properties: ['stageRunId', 'status'] })
export class ScoreSheet extends BaseEntity<'scorerUnit' | 'scorerPerson' | 'status' | 'recusalReason' | 'total' | 'groupTotals' | 'penalties' | 'submittedBy' | 'submittedAt' | 'version' | 'evidence'> {
  @Property({ type: 'uuid' })
  campaignId!: string;

  @Property({ type: 'uuid' })
  stageRunId!: string;

  @Property({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => ScoringTableVersion, { deleteRule: 'restrict' })
  tableVersion!: ScoringTableVersion;

  @Property({ type: 'string', length: 16 })
  kind!: ScoreSheetKind;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  scorerUnit: Unit | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  scorerPerson: Person | null = null;

  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  scoredUnit!: Unit;

  @Property({ type: 'string', length: 16 })
  status: ScoreSheetStatus = 'draft';

  @Property({ type: 'text', nullable: true })
  recusalReason: string | null = null;

  /** The sheet's total in hundredths of a point, after branch caps; null until submitted. */
  @Property({ type: 'integer', nullable: true })
  total: number | null = null;

  /** Top-level group code → points in hundredths after caps (used by tie-breaks). */
  @Property({ type: JsonType, nullable: true })
  groupTotals: Record<string, number> | null = null;

  /**
   * The sheet's penalty points in hundredths (≤ 0), for the "fewer penalties" tie-break: kept with the total so that
   * ranking a sector reads sheets, not millions of scores; null until submitted (and on sheets submitted before).
   */
  @Property({ type: 'integer', nullable: true })
  penalties: number | null = null;

  /**
   * Evidence files given so far, criterion code → StoredFile ids: kept with the draft, copied onto each Score when
   * the sheet is submitted.
   */
  @Property({ type: JsonType, nullable: true })
  evidence: Record<string, string[]> | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  submittedBy: Person | null = null;

  @Property({ type: DateTimeType, nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'integer' })
  version: number = 1;
}
