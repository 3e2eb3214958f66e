import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import type { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';
import { RoleGrant } from '../../org/entities/role-grant.entity';
import { Unit } from '../../org/entities/unit.entity';
import type { UploadedEvidence } from '../../storage/evidence-upload.interceptor';
import type { StoredFile } from '../../storage/stored-file.entity';
import { StoredFilesService } from '../../storage/stored-files.service';
import { PollsService } from '../../voting/polls.service';
import { MAJORITY_OF_MEMBERS, VotingRule } from '../../voting/rules/voting-rule';
import { DossierFiles } from '../dossier-files.service';
import { InitiativeApplication } from '../entities/initiative-application.entity';
import { Initiative } from '../entities/initiative.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { checkedNumberAndDay } from '../dto/decision-fields';
import { EVERY_UNIT_ROLES, mandatedFor, mandatedUnits } from '../records/mandated';
import { DecideInitiativeDto, InitiativeApplicationDto, InitiativeQueryDto, InitiativeVoteDto, SubmitInitiativeDto } from './initiatives.dto';

/** The Initiatives Council recognises an initiative by more than half of all its members, by secret ballot. */
export const INITIATIVE_VOTE_RULE: VotingRule = { ...MAJORITY_OF_MEMBERS, ballot: 'secret' };

const POPULATE = ['unit', 'person'] as const;

/**
 * Initiatives (sáng kiến) from application to recognition: a unit submits one of its own or of its people with files,
 * the council's secretary or an administrator puts it to the Initiatives Council's vote (a poll of the council
 * members), and the decision that follows the vote records it: a recognised initiative becomes an Initiative, which
 * eligibility counts. Each step is a guarded change of status, so that a repeated or concurrent request does it once.
 */
@Injectable()
export class InitiativesService {
  constructor(
    private readonly em: EntityManager,
    private readonly polls: PollsService,
    private readonly files: StoredFilesService,
    private readonly dossiers: DossierFiles,
  ) {}

  /** @throws AppError UNIT_NOT_FOUND, PERSON_NOT_FOUND, INITIATIVE_FORBIDDEN, INITIATIVE_AUTHOR_NOT_IN_UNIT. */
  async submit(input: SubmitInitiativeDto, principal: Principal): Promise<InitiativeApplicationDto> {
    const em = this.em.fork();
    const unit = await em.findOne(Unit, input.unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: input.unitId });
    await this.assertActsFor(em, unit, principal);
    let person: Person | null = null;
    if (input.personId) {
      person = await em.findOne(Person, input.personId);
      if (!person) throw new AppError('PERSON_NOT_FOUND', { id: input.personId });
      if (!(await em.count(StaffYear, { person, unit, year: input.year }))) {
        throw new AppError('INITIATIVE_AUTHOR_NOT_IN_UNIT', { person: person.fullName, unit: unit.name, year: input.year }, { path: 'personId' });
      }
    }
    const application = em.create(InitiativeApplication, {
      name: input.name.trim(),
      description: input.description.trim(),
      benefits: input.benefits.trim(),
      requestedScope: input.scope,
      year: input.year,
      unit,
      person,
      submittedBy: em.getReference(Person, principal.personId),
    });
    await em.flush();
    return InitiativeApplicationDto.from(application);
  }

  /**
   * Attaches a file while the application waits for the council.
   * @throws AppError INITIATIVE_NOT_FOUND, INITIATIVE_FORBIDDEN, INITIATIVE_NOT_EDITABLE, ATTACHMENTS_FULL,
   *   and the upload's EVIDENCE_TOO_LARGE / EVIDENCE_TYPE_REFUSED.
   */
  async attach(id: string, file: UploadedEvidence, principal: Principal): Promise<InitiativeApplicationDto> {
    const found = await this.find(this.em.fork(), id);
    await this.assertActsFor(this.em.fork(), found.unit, principal);
    this.assertEditable(found);
    const application = await this.dossiers.attach(
      file,
      { uploadedById: principal.personId, purpose: 'initiative' },
      (em) => em.nativeUpdate(InitiativeApplication, { id }, { updatedAt: new Date() }),
      async (em) => this.assertEditable(await this.find(em, id)),
    );
    return InitiativeApplicationDto.from(application);
  }

  /** One attached file, for those who may see the application. @throws AppError INITIATIVE_NOT_FOUND, INITIATIVE_FORBIDDEN. */
  async attachment(id: string, fileId: string, principal: Principal): Promise<{ file: StoredFile; stream: Readable }> {
    const em = this.em.fork();
    const application = await this.find(em, id);
    await this.assertMaySee(em, application, principal);
    if (!application.attachments.some((attachment) => attachment.fileId === fileId)) throw new AppError('INITIATIVE_NOT_FOUND', { id: `${id}/${fileId}` });
    return this.files.open(fileId);
  }

  /**
   * Puts the application to the Initiatives Council: a secret poll of every council member, more than half of them to
   * recognise it. Asked again, answers the same poll.
   * @throws AppError INITIATIVE_NOT_FOUND, INITIATIVE_ALREADY_DECIDED, INITIATIVE_COUNCIL_EMPTY.
   */
  async openReview(id: string): Promise<InitiativeApplicationDto> {
    return this.em.fork().transactional(async (em) => {
      // The guarded update first: it takes the row, so a concurrent request waits here and then finds it in review.
      const taken = await em.nativeUpdate(InitiativeApplication, { id, status: 'submitted' }, { status: 'in-review', updatedAt: new Date() });
      const application = await this.find(em, id);
      if (!taken) {
        if (application.status === 'in-review') return InitiativeApplicationDto.from(application);
        throw new AppError('INITIATIVE_ALREADY_DECIDED', { name: application.name, decision: application.decisionNumber ?? '' });
      }
      const grants = await em.find(RoleGrant, { role: 'council-member', revokedAt: null, person: { archivedAt: null } }, { fields: ['person'] });
      const members = [...new Set(grants.map((grant) => grant.person.id))];
      if (!members.length) throw new AppError('INITIATIVE_COUNCIL_EMPTY');
      const poll = await this.polls.openPoll(
        {
          subject: { kind: 'initiative', id: application.id, hash: contentHash(application), label: application.name },
          electorate: { kind: 'people', personIds: members },
          rule: INITIATIVE_VOTE_RULE,
          key: `initiative:${application.id}`,
        },
        em,
      );
      application.pollId = poll.id;
      return InitiativeApplicationDto.from(application);
    });
  }

  /**
   * Records the decision that follows the council's vote: the poll is closed and counted, and the application is
   * recognised (an Initiative at the decided scope, counted by eligibility) or not. The same decision sent again
   * answers what was recorded.
   * @throws AppError DECISION_NUMBER_REQUIRED, DECISION_DATE_INVALID, INITIATIVE_NOT_FOUND, INITIATIVE_NOT_IN_REVIEW,
   *   INITIATIVE_ALREADY_DECIDED.
   */
  async decide(id: string, body: DecideInitiativeDto, language: Language): Promise<InitiativeApplicationDto> {
    const { number, signedOn } = checkedNumberAndDay(body);
    const decided = await this.em.fork().transactional(async (em) => {
      const application = await this.find(em, id);
      if (application.status === 'submitted') throw new AppError('INITIATIVE_NOT_IN_REVIEW', { name: application.name });
      if (application.status !== 'in-review') return this.replayed(application, number);
      const result = await this.polls.closePoll(application.pollId!, 'manual', em, language);
      const recognised = result.outcome === 'passed';
      const scope = recognised ? (body.scope ?? application.requestedScope) : null;
      const taken = await em.nativeUpdate(
        InitiativeApplication,
        { id, status: 'in-review' },
        { status: recognised ? 'recognised' : 'not-recognised', decisionNumber: number, decidedOn: signedOn, decidedScope: scope, updatedAt: new Date() },
      );
      if (!taken) return this.replayed(await this.find(em, id, true), number);
      if (recognised) {
        const initiative = em.create(Initiative, {
          name: application.name,
          // As the records keep them: a person's initiative is theirs, wherever they serve later.
          person: application.person,
          unit: application.person ? null : application.unit,
          year: application.year,
          scope: scope!,
          decisionNumber: number,
        });
        await em.flush();
        await em.nativeUpdate(InitiativeApplication, { id }, { initiative: initiative.id });
      }
      return id;
    });
    return this.get(decided, null, language);
  }

  /** @throws AppError INITIATIVE_NOT_FOUND, INITIATIVE_FORBIDDEN (when a principal is given). */
  async get(id: string, principal: Principal | null, language: Language): Promise<InitiativeApplicationDto> {
    const em = this.em.fork();
    const application = await this.find(em, id);
    if (principal) await this.assertMaySee(em, application, principal);
    return InitiativeApplicationDto.from(application, await this.voteOf(application, language));
  }

  /** Applications the principal may see, newest year first. @throws AppError INITIATIVE_FORBIDDEN for a unit not theirs. */
  async list(query: InitiativeQueryDto, principal: Principal): Promise<InitiativeApplicationDto[]> {
    const em = this.em.fork();
    const where: Record<string, unknown> = {};
    if (query.year) where.year = query.year;
    if (query.status) where.status = query.status;
    if (!principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role))) {
      const mine = (await mandatedUnits(em, principal.personId)).map((unit) => unit.id);
      if (query.unitId && !mine.includes(query.unitId)) {
        const unit = await em.findOne(Unit, query.unitId);
        throw new AppError('INITIATIVE_FORBIDDEN', { unit: unit?.name ?? query.unitId });
      }
      where.unit = query.unitId ?? { $in: mine };
    } else if (query.unitId) {
      where.unit = query.unitId;
    }
    const applications = await em.find(InitiativeApplication, where, { populate: POPULATE, orderBy: { year: 'desc', createdAt: 'asc' } });
    return applications.map((application) => InitiativeApplicationDto.from(application));
  }

  /** `refresh`: read the row again, past what this EntityManager already holds. */
  private async find(em: EntityManager, id: string, refresh = false): Promise<InitiativeApplication> {
    const application = await em.findOne(InitiativeApplication, id, { populate: POPULATE, refresh });
    if (!application) throw new AppError('INITIATIVE_NOT_FOUND', { id });
    return application;
  }

  /** The decision already recorded, when it is the one sent again; else the application was decided otherwise. */
  private replayed(application: InitiativeApplication, number: string): string {
    if (application.decisionNumber === number) return application.id;
    throw new AppError('INITIATIVE_ALREADY_DECIDED', { name: application.name, decision: application.decisionNumber ?? '' });
  }

  private async voteOf(application: InitiativeApplication, language: Language): Promise<InitiativeVoteDto | null> {
    if (!application.pollId || application.status === 'in-review') return null;
    const result = await this.polls.result(application.pollId, language);
    return { outcome: result.outcome, summary: result.summary };
  }

  private assertEditable(application: InitiativeApplication): InitiativeApplication {
    if (application.status !== 'submitted') throw new AppError('INITIATIVE_NOT_EDITABLE', { name: application.name });
    return application;
  }

  /** Submitting and attaching: the unit's officers and administrators. */
  private async assertActsFor(em: EntityManager, unit: Unit, principal: Principal): Promise<void> {
    if (principal.roles.includes('admin') || (await mandatedFor(em, principal.personId, [unit.id]))) return;
    throw new AppError('INITIATIVE_FORBIDDEN', { unit: unit.name });
  }

  /** Reading: the council, its secretary and administrators, the unit's officers, and the author. */
  private async assertMaySee(em: EntityManager, application: InitiativeApplication, principal: Principal): Promise<void> {
    if (principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role)) || application.person?.id === principal.personId) return;
    if (!(await mandatedFor(em, principal.personId, [application.unit.id]))) throw new AppError('INITIATIVE_FORBIDDEN', { unit: application.unit.name });
  }
}

/** What the council votes on, bound by its hash: a ballot counts for this text. */
function contentHash(application: InitiativeApplication): string {
  return createHash('sha256').update(JSON.stringify([application.name, application.description, application.benefits, application.requestedScope, application.year])).digest('hex');
}
