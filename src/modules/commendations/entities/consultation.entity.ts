import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { CommendationProposal } from './commendation-proposal.entity';

/**
 * The public consultation (công khai) on a proposal before it goes to a national level: from its first day, for a set
 * number of working days, anyone signed in may object; an objection after the window is refused. One per proposal.
 */
@Entity()
@Unique({ properties: ['proposal'] })
@Index({ properties: ['closesOn'] })
export class Consultation extends BaseEntity {
  @ManyToOne(() => CommendationProposal, { deleteRule: 'restrict' })
  proposal!: CommendationProposal;

  /** The first day objections are taken, `YYYY-MM-DD` (Vietnam). */
  @Property({ type: 'string', length: 10 })
  opensOn!: string;

  /** The last day, the window's working days counted on the working calendar. */
  @Property({ type: 'string', length: 10 })
  closesOn!: string;

  @Property({ type: 'integer' })
  workingDays!: number;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  openedBy!: Person;
}

/** An objection (ý kiến phản ánh) raised during a consultation, with its author. */
@Entity()
@Index({ properties: ['consultation'] })
export class ConsultationObjection extends BaseEntity {
  @ManyToOne(() => Consultation, { deleteRule: 'restrict' })
  consultation!: Consultation;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  author!: Person;

  @Property({ type: 'text' })
  text!: string;
}
