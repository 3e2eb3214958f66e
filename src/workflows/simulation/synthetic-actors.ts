import { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { PrincipalService } from '../../modules/auth/principal.service';
import { Clock } from '../../modules/calendar/clock';
import { vietnamDate } from '../../modules/calendar/dates';
import { EligibilityService } from '../../modules/commendations/records/eligibility.service';
import { Mandate } from '../../modules/org/entities/mandate.entity';
import { PollsService } from '../../modules/voting/polls.service';
import { CampaignCommandsService } from '../engine/campaign-commands.service';
import { Task } from '../engine/entities/task.entity';
import { DecisionTaskService } from '../stages/decision/decision-task.service';
import { ProposeTaskService } from '../stages/propose/propose-task.service';
import { CampaignAmendmentsService } from '../stages/discussion/campaign-amendments.service';
import { FormTaskService } from '../stages/form/form-task.service';
import { ScoreTaskService } from '../stages/score/score-task.service';
import { SignTaskService } from '../stages/sign/sign-task.service';
import { BallotTaskService } from '../stages/vote/ballot-task.service';
import { seededRandom } from './seeded-choice';
import type { SimulationBehaviour } from './simulation.types';
import { syntheticSubmission } from './synthetic-submission';

/** The smallest valid PNG header: the paper signature's "scan" of a rehearsal. */
const REHEARSAL_SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('dien-tap / rehearsal')]);
/** A minimal PDF: the evidence file a rehearsal attaches where a score needs one. */
const REHEARSAL_EVIDENCE = Buffer.from('%PDF-1.4\n% dien tap / rehearsal\n%%EOF\n');
/** At most this many criteria get evidence on one sheet (a table has a few dozen). */
const MAX_EVIDENCE = 100;
/** Stage types a synthetic actor plays; tasks of any other type are left to their deadlines (and the report says so). */
export const PLAYED_STAGE_TYPES = new Set(['review', 'acknowledge', 'discussion', 'vote', 'sign', 'form', 'score', 'propose', 'decision']);

type Text = { vi: string; en: string };

/** Who acts: a person, and for a unit's task the mandate they act under. */
export interface Actor {
  principal: Principal;
  actingFor: ActingFor | undefined;
}

/**
 * The synthetic people of a dry run: who acts for a unit, and what each does at each stage type, through the same
 * services as the API (so every rule and refusal applies), as the scenario says.
 */
export class SyntheticActors {
  private readonly declined = new Set<string>();
  private decisions = 0;
  /** The scores' values: repeatable with the scenario's seed, different for each sheet. */
  private readonly random: () => number;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly scenario: { behaviour: SimulationBehaviour; year: number },
  ) {
    this.random = seededRandom(scenario.behaviour.seed + 1);
  }

  private today(): string {
    return vietnamDate(this.app.get(Clock).now());
  }

  /** The task's stage, played as the scenario says; a refusal comes back as the service's AppError. */
  async perform(task: Task, actor: Actor, launcher: Principal): Promise<Text> {
    const { principal, actingFor } = actor;
    const unitCode = task.assigneeUnit?.code ?? '';
    const { behaviour, year } = this.scenario;
    const commands = this.app.get(CampaignCommandsService);
    switch (task.stageRun.stageType) {
      case 'review':
        await commands.commandTask(task.id, { command: 'approve' }, principal, actingFor);
        return { vi: 'duyệt', en: 'approved' };
      case 'acknowledge':
        await commands.commandTask(task.id, { command: 'acknowledge' }, principal, actingFor);
        return { vi: 'xác nhận đã biết', en: 'acknowledged' };
      case 'discussion':
        await commands.commandTask(task.id, { command: 'close' }, principal, actingFor);
        return { vi: 'kết thúc thảo luận', en: 'closed the discussion' };
      case 'vote': {
        const against = behaviour.votesAgainst.includes(unitCode);
        await this.app.get(BallotTaskService).cast(task.id, { choice: against ? 'disagree' : 'agree' }, principal, actingFor);
        return against ? { vi: 'biểu quyết không đồng ý', en: 'voted against' } : { vi: 'biểu quyết đồng ý', en: 'voted in favour' };
      }
      case 'sign': {
        const signing = this.app.get(SignTaskService);
        if (behaviour.declines === unitCode && !this.declined.has(unitCode)) {
          this.declined.add(unitCode);
          await signing.decline(task.id, 'Đề nghị thảo luận thêm (diễn tập)', principal, actingFor);
          return { vi: 'từ chối ký', en: 'declined to sign' };
        }
        await signing.recordPaper(task.id, { scan: REHEARSAL_SCAN, note: 'diễn tập / rehearsal' }, launcher);
        await signing.confirmPaper(task.id, principal, actingFor);
        return { vi: 'ký (bản giấy)', en: 'signed (on paper)' };
      }
      case 'form': {
        const forms = this.app.get(FormTaskService);
        const form = await forms.get(task.id, principal, actingFor?.unitId);
        const data = syntheticSubmission(form.schema as { components?: [] }, { date: this.today(), text: `Diễn tập ${year}` });
        await forms.submit(task.id, { data, formVersionId: form.formVersionId }, principal, actingFor?.unitId, 'vi');
        return { vi: 'nộp biểu mẫu', en: 'submitted the form' };
      }
      case 'score': {
        const scores = this.app.get(ScoreTaskService);
        const sheet = await scores.get(task.id, principal, actingFor, 'vi');
        const data = syntheticSubmission(sheet.schema as { components?: [] }, { date: this.today(), text: `Diễn tập ${year}`, random: this.random });
        // A criterion that needs evidence for its points gets a one-page PDF, as an officer would attach the scan.
        for (let attached = 0; ; attached++) {
          try {
            await scores.submit(task.id, { data, tableVersionId: sheet.tableVersionId }, principal, actingFor, 'vi');
            break;
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'SCORE_EVIDENCE_REQUIRED' || attached >= MAX_EVIDENCE) throw error;
            const file = { buffer: REHEARSAL_EVIDENCE, originalname: 'minh-chung-dien-tap.pdf', mimetype: 'application/pdf', size: REHEARSAL_EVIDENCE.length };
            await scores.attachEvidence(task.id, String(error.params.code), file, principal, actingFor, 'vi');
          }
        }
        return { vi: `chấm điểm ${sheet.scoredUnit.name}`, en: `scored ${sheet.scoredUnit.name}` };
      }
      case 'propose': {
        // The unit proposes the first of its people eligible for the stage's first title, with a rehearsal account.
        const proposing = this.app.get(ProposeTaskService);
        const { titles } = await proposing.load(task.id);
        const list = await this.app.get(EligibilityService).list({ unitId: task.assigneeUnit!.id, year, title: titles[0] }, launcher, 'vi');
        const chosen = list.candidates.find((candidate) => candidate.eligible);
        const proposals = chosen ? [{ title: titles[0], candidates: [{ personId: chosen.id, account: `Thành tích (diễn tập ${year})` }] }] : [];
        await proposing.submit(task.id, { proposals }, principal, actingFor, 'vi');
        return chosen ? { vi: `đề nghị ${chosen.name}`, en: `proposed ${chosen.name}` } : { vi: 'không đề nghị ai', en: 'proposed nobody' };
      }
      case 'decision': {
        const number = `${++this.decisions}/QĐ-DT`;
        const decisions = this.app.get(DecisionTaskService);
        try {
          await decisions.record(task.id, { number, signedOn: this.today() }, principal, actingFor);
        } catch (error) {
          // A stage that names no issuer: the rehearsal's decision-maker signs.
          if (!(error instanceof AppError) || error.code !== 'DECISION_ISSUER_REQUIRED') throw error;
          await decisions.record(task.id, { number, signedOn: this.today(), issuer: 'Thủ trưởng đơn vị (diễn tập)' }, principal, actingFor);
        }
        return { vi: `ban hành quyết định ${number}`, en: `issued decision ${number}` };
      }
      default:
        throw new Error(`No synthetic actor for ${task.stageRun.stageType}`);
    }
  }

  /** The unit proposes a clause at the start of the campaign's document (version `baseVersion`). */
  proposeAmendment(campaignId: string, baseVersion: number, actor: Actor & { actingFor: ActingFor }) {
    return this.app.get(CampaignAmendmentsService).propose(
      campaignId,
      { baseVersion, kind: 'insert', clauseId: null, heading: 'Điều bổ sung (diễn tập)', text: 'Các đơn vị trao đổi kinh nghiệm hằng quý.', justification: 'Đề xuất của diễn tập.' },
      actor.principal,
      actor.actingFor,
    );
  }

  /** Every unit votes on the amendment's poll: for, or against when the scenario says so. Answers the count. */
  async voteOnAmendment(pollId: string, units: Array<{ id: string; code: string }>): Promise<{ agree: number; disagree: number }> {
    const polls = this.app.get(PollsService);
    const count = { agree: 0, disagree: 0 };
    for (const unit of units) {
      const actor = await this.unitActor(unit.id);
      if (!actor?.actingFor) continue;
      const choice = this.scenario.behaviour.votesAgainst.includes(unit.code) ? 'disagree' : 'agree';
      try {
        await polls.castBallot(pollId, { personId: actor.principal.personId, unitId: unit.id, mandateId: actor.actingFor.mandateId }, choice);
        count[choice]++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    return count;
  }

  /** Who acts for the task: its person, or for a unit the holder of a current mandate (its head first). */
  async actorFor(task: Task): Promise<Actor | undefined> {
    const principals = this.app.get(PrincipalService);
    if (task.assigneePerson) return { principal: await principals.load(task.assigneePerson.id), actingFor: undefined };
    return task.assigneeUnit ? this.unitActor(task.assigneeUnit.id) : undefined;
  }

  /** Who acts for a unit today: the holder of a current mandate, its head first. */
  async unitActor(unitId: string): Promise<Actor | undefined> {
    const principals = this.app.get(PrincipalService);
    const today = this.today();
    const mandates = await this.app.get(MikroORM).em.fork().find(
      Mandate,
      { unit: unitId, validFrom: { $lte: today }, $or: [{ validTo: null }, { validTo: { $gte: today } }], person: { archivedAt: null } },
      { orderBy: { validFrom: 'asc' } },
    );
    const mandate = mandates.find((m) => m.role === 'head') ?? mandates[0];
    if (!mandate) return undefined;
    return { principal: await principals.load(mandate.person.id), actingFor: await principals.resolveActingFor(mandate.person.id, unitId) };
  }
}
