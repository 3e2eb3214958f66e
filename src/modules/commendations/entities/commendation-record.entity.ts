import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { CommendationDecision } from './commendation-decision.entity';

/** An emulation title (danh hiệu thi đua, e.g. Cờ thi đua) or a commendation form (hình thức khen thưởng, e.g. Bằng khen). */
export const AWARD_KINDS = ['title', 'form'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

/** A label in Vietnamese, and in English when known. */
export interface AwardLabel {
  vi: string;
  en?: string;
}

/**
 * One entry of the commendation register (sổ khen thưởng): a unit or a person received a title or a commendation form
 * for a year, by a decision. Unique per decision, recipient and title: a decision commends a recipient once per title.
 */
@Entity()
@Unique({ properties: ['decision', 'recipientKey', 'titleCode'] })
@Index({ properties: ['year'] })
@Index({ properties: ['unit'] })
@Index({ properties: ['person'] })
@Index({ properties: ['campaignId'] })
export class CommendationRecord extends BaseEntity<'unit' | 'person' | 'campaignId' | 'kind' | 'revokedAt' | 'revocationReason' | 'revocationDecision'> {
  @ManyToOne(() => CommendationDecision, { deleteRule: 'restrict' })
  decision!: CommendationDecision;

  /** `unit:<id>` or `person:<id>`: the recipient, for the unique key. */
  @Property({ type: 'string', length: 80 })
  recipientKey!: string;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit: Unit | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  person: Person | null = null;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  kind: AwardKind = 'title';

  /** Machine code of the title or form, e.g. `co-thi-dua-vksndtc`. */
  @Property({ type: 'string', length: 64 })
  titleCode!: string;

  @Property({ type: JsonType })
  titleLabel!: AwardLabel;

  /** The year the commendation is for (the campaign's year). */
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'uuid', nullable: true })
  campaignId: string | null = null;

  /**
   * Set when the award was annulled (thu hồi, hủy bỏ): the entry stays in the register as history, and counts as
   * never held when later years' eligibility is computed.
   */
  @Property({ type: DateTimeType, nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  revocationReason: string | null = null;

  /** The number of the decision that annulled it. */
  @Property({ type: 'string', length: 60, nullable: true })
  revocationDecision: string | null = null;
}
