import { Entity, Index, JsonType, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ScoreSheet } from './score-sheet.entity';

/**
 * The points one sheet gives one leaf criterion, in hundredths. Written set-based (one multi-row INSERT per
 * sheet or batch), so it carries no timestamps of its own: the sheet has them.
 */
@Entity()
@Unique({ properties: ['sheet', 'criterionCode'] })
@Index({ properties: ['scoredUnitId', 'criterionCode'] })
export class Score {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ScoreSheet, { deleteRule: 'cascade' })
  sheet!: ScoreSheet;

  /** Denormalised from the sheet for set-based aggregation without a join. */
  @Property({ type: 'uuid' })
  scoredUnitId!: string;

  @Property({ type: 'string', length: 40 })
  criterionCode!: string;

  /** Hundredths of a point; negative for penalties. */
  @Property({ type: 'integer' })
  points!: number;

  /** What the scorer entered (value, achieved, target), as given. */
  @Property({ type: JsonType, nullable: true })
  entry: Record<string, unknown> | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  /** StoredFile ids of the evidence given for this criterion. */
  @Property({ type: JsonType, nullable: true })
  evidenceFileIds: string[] | null = null;
}
