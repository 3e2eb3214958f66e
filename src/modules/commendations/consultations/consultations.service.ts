import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Text } from '../../../common/i18n/language';
import { todayInVietnam } from '../../auth/principal.service';
import { CalendarService } from '../../calendar/calendar.service';
import { Clock } from '../../calendar/clock';
import { Person } from '../../org/entities/person.entity';
import { CommendationProposal } from '../entities/commendation-proposal.entity';
import { Consultation, ConsultationObjection } from '../entities/consultation.entity';
import { RulePacksService } from '../records/rule-packs.service';
import { formatDate, isoDate } from '../rules/iso-date';
import { ConsultationViewDto, DEFAULT_CONSULTATION_DAYS, ObjectionDto, OpenConsultationDto } from './consultations.dto';

/** A window's days as each reader writes them (31/12/2020, 2020-12-31). */
const days = (consultation: Consultation) => ({ from: dayInWords(consultation.opensOn, 'opensOn'), to: dayInWords(consultation.closesOn, 'closesOn') });
const dayInWords = (day: string, field: string): Text => {
  const date = isoDate(day, field);
  return { vi: formatDate(date, 'vi'), en: formatDate(date, 'en') };
};

/**
 * Public consultations (công khai) before a proposal goes to a national level: the window counted in working days
 * on the working calendar (holidays and the administrators' amendments), objections taken only inside it.
 */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly packs: RulePacksService,
  ) {}

  /** @throws AppError PROPOSAL_NOT_FOUND, CONSULTATION_EXISTS. */
  async open(proposalId: string, input: OpenConsultationDto, principal: Principal): Promise<ConsultationViewDto> {
    const em = this.em.fork();
    const proposal = await em.findOne(CommendationProposal, proposalId, { populate: ['person', 'unit'] });
    if (!proposal) throw new AppError('PROPOSAL_NOT_FOUND', { id: proposalId });
    const existing = await em.findOne(Consultation, { proposal });
    if (existing) throw new AppError('CONSULTATION_EXISTS', days(existing));
    const calendar = await this.calendar.workingCalendar(em);
    // The window starts on a working day: a Sunday's opening counts from Monday.
    let opensOn = input.opensOn ?? todayInVietnam(this.clock.now());
    if (!calendar.isWorkingDay(opensOn)) opensOn = calendar.addWorkingDays(opensOn, 1);
    // By default as long as the year's rules ask for the title (national titles), else the usual ten working days.
    const required = this.packs.titleInForce(proposal.year, proposal.titleCode)?.publicConsultation?.workingDays;
    const workingDays = input.workingDays ?? required ?? DEFAULT_CONSULTATION_DAYS;
    const consultation = em.create(Consultation, {
      proposal,
      opensOn,
      closesOn: calendar.addWorkingDays(opensOn, workingDays - 1),
      workingDays,
      openedBy: em.getReference(Person, principal.personId),
    });
    try {
      await em.flush();
    } catch (error) {
      // Opened at the same moment by someone else: theirs stands.
      if (error instanceof UniqueConstraintViolationException) throw new AppError('CONSULTATION_EXISTS', days(consultation));
      throw error;
    }
    return ConsultationViewDto.from(consultation, [], this.today(), this.titleName(consultation));
  }

  /** @throws AppError CONSULTATION_NOT_FOUND, OBJECTION_TEXT_REQUIRED, CONSULTATION_NOT_OPEN, CONSULTATION_CLOSED. */
  async object(id: string, input: ObjectionDto, principal: Principal): Promise<ConsultationViewDto> {
    const em = this.em.fork();
    const consultation = await this.find(em, id);
    const text = input.text.trim();
    if (!text) throw new AppError('OBJECTION_TEXT_REQUIRED', {}, { path: 'text' });
    const today = this.today();
    if (today < consultation.opensOn) throw new AppError('CONSULTATION_NOT_OPEN', days(consultation));
    if (today > consultation.closesOn) throw new AppError('CONSULTATION_CLOSED', days(consultation));
    em.create(ConsultationObjection, { consultation, author: em.getReference(Person, principal.personId), text });
    await em.flush();
    return this.view(em, consultation);
  }

  /** @throws AppError CONSULTATION_NOT_FOUND. */
  async get(id: string): Promise<ConsultationViewDto> {
    const em = this.em.fork();
    return this.view(em, await this.find(em, id));
  }

  /** The consultations open today, for everyone to read (công khai), soonest to close first. */
  async current(): Promise<ConsultationViewDto[]> {
    const em = this.em.fork();
    const today = this.today();
    const open = await em.find(Consultation, { opensOn: { $lte: today }, closesOn: { $gte: today } }, { populate: ['proposal.person', 'proposal.unit'], orderBy: { closesOn: 'asc' } });
    const objections = open.length ? await em.find(ConsultationObjection, { consultation: { $in: open.map((c) => c.id) } }, { populate: ['author'], orderBy: { createdAt: 'asc' } }) : [];
    return open.map((consultation) => ConsultationViewDto.from(consultation, objections.filter((o) => o.consultation.id === consultation.id), today, this.titleName(consultation)));
  }

  private today(): string {
    return todayInVietnam(this.clock.now());
  }

  private async find(em: EntityManager, id: string): Promise<Consultation> {
    const consultation = await em.findOne(Consultation, id, { populate: ['proposal.person', 'proposal.unit'] });
    if (!consultation) throw new AppError('CONSULTATION_NOT_FOUND', { id });
    return consultation;
  }

  private async view(em: EntityManager, consultation: Consultation): Promise<ConsultationViewDto> {
    const objections = await em.find(ConsultationObjection, { consultation }, { populate: ['author'], orderBy: { createdAt: 'asc' } });
    return ConsultationViewDto.from(consultation, objections, this.today(), this.titleName(consultation));
  }

  /** The proposed title's name in the pack of its year; its code when no pack names it. */
  private titleName(consultation: Consultation): { vi: string; en: string } {
    const { titleCode, year } = consultation.proposal;
    const title = this.packs.titleInForce(year, titleCode);
    return title ? { vi: title.name.vi, en: title.name.en } : { vi: titleCode, en: titleCode };
  }
}
