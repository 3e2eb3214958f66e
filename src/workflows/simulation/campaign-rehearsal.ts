import { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { catalogMessage } from '../../common/errors/error-catalog';
import { formatDay } from '../../common/i18n/date-text';
import { Clock } from '../../modules/calendar/clock';
import { startOfVietnamDay, vietnamDate } from '../../modules/calendar/dates';
import { DocumentVersion } from '../../modules/documents/entities/document-version.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { localText } from '../definitions/workflow-document';
import { StageDeadlinesService } from '../engine/stage-deadlines.service';
import { CampaignLaunchService } from '../engine/campaign-launch.service';
import { Campaign } from '../engine/entities/campaign.entity';
import { Notification } from '../engine/entities/notification.entity';
import { OutboxMessage } from '../engine/entities/outbox-message.entity';
import { StageRun } from '../engine/entities/stage-run.entity';
import { Task } from '../engine/entities/task.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { labelOf, OUTCOME_TEXTS } from '../web/workflow-web-texts';
import { chooseLate } from './seeded-choice';
import { PLAYED_STAGE_TYPES, SyntheticActors } from './synthetic-actors';
import { MissedDeadline, SimulationReport, SimulationRequest, SimulatedStage, TimelineEntry, TimelineKind } from './simulation.types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A rehearsal stops after this many steps: a workflow that loops (discussion ↔ vote for ever) ends here. */
const MAX_STEPS = 2_000;

type Text = { vi: string; en: string };

interface Planned {
  at: number;
  taskId: string;
}

/**
 * One campaign played on a virtual clock inside a dry run's own application (its own database copy and queue prefix):
 * the real launch, the real task services for every action, and the deadlines and reminders the engine wrote to its
 * outbox, fired in time order by calling the engine's own handlers. Nothing here reaches the live data.
 */
export class CampaignRehearsal {
  private readonly timeline: TimelineEntry[] = [];
  private readonly stages = new Map<string, SimulatedStage>();
  private readonly planned = new Map<string, Planned>();
  private readonly firedTimers = new Set<string>();
  private readonly unplayedTypes = new Set<string>();
  /** Actions that are not a task's: an amendment proposed during the discussion, the units' votes on it. */
  private readonly extras: Array<{ at: number; run: () => Promise<void> }> = [];
  private amended = false;
  private request?: SimulationRequest;
  private actors?: SyntheticActors;

  constructor(private readonly app: INestApplicationContext) {}

  private get clock(): Clock {
    return this.app.get(Clock);
  }

  private em() {
    return this.app.get(MikroORM).em.fork();
  }

  async run(request: SimulationRequest, launcher: Principal): Promise<SimulationReport> {
    this.request = request;
    const startsOn = request.startsOn ?? `${request.year}-01-02`;
    const started = new Date(startOfVietnamDay(startsOn).getTime() + 8 * HOUR);
    this.clock.set(started);
    // The last day rehearsed: by default near the end of the next year's first quarter, when the year-end work is done.
    const lastDay = request.behaviour.until ?? `${request.year + 1}-03-30`;
    const horizon = startOfVietnamDay(lastDay).getTime() + DAY;
    const version = await this.em().findOneOrFail(WorkflowVersion, request.workflowVersionId, { populate: ['definition'] });

    let campaignId: string;
    try {
      const campaign = await this.app
        .get(CampaignLaunchService)
        .launch({ ...request, startsOn }, launcher);
      campaignId = campaign.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = this.refusalText(error);
      this.note('refusal', { vi: `Không phát động được: ${refusal.vi}`, en: `Could not launch: ${refusal.en}` });
      return this.report(version, null, started, [], { vi: 'phát động bị từ chối', en: 'the launch was refused' });
    }
    this.note('launch', { vi: `Phát động “${request.name}”`, en: `Launched “${request.name}”` });
    await this.observeStages(campaignId, version);
    const members = await this.members(campaignId);
    const lateUnits = chooseLate([...members.keys()], request.behaviour.lateShare, request.behaviour.seed);
    this.actors = new SyntheticActors(this.app, request);

    let stopped: Text = { vi: 'đã hết số bước cho phép', en: 'the step limit was reached' };
    for (let step = 0; step < MAX_STEPS; step++) {
      const em = this.em();
      const campaign = await em.findOneOrFail(Campaign, campaignId);
      if (campaign.status !== 'running') {
        stopped = campaign.status === 'completed' ? { vi: 'đợt thi đua đã hoàn thành', en: 'the campaign completed' } : { vi: 'đợt thi đua đã bị hủy', en: 'the campaign was cancelled' };
        break;
      }
      await this.planActions(campaignId, new Set(lateUnits));
      const next = await this.nextEvent(campaignId);
      if (!next) {
        stopped = this.unplayedTypes.size
          ? { vi: `còn việc ở bước không có người diễn tập (${[...this.unplayedTypes].join(', ')}) và không còn hạn nào`, en: `tasks are left at stages no synthetic actor plays (${[...this.unplayedTypes].join(', ')}) and no deadline is pending` }
          : { vi: 'không còn việc hay hạn nào', en: 'no task or deadline is pending' };
        break;
      }
      if (next.at > horizon) {
        stopped = { vi: `sự kiện kế tiếp sau ngày ${formatDay(lastDay, 'vi')}`, en: `the next event falls after ${formatDay(lastDay, 'en')}` };
        break;
      }
      this.clock.set(new Date(Math.max(next.at, this.clock.now().getTime())));
      if (next.kind === 'timer') await this.fire(next.message);
      else if (next.kind === 'extra') {
        this.extras.splice(this.extras.indexOf(next.extra), 1);
        await next.extra.run();
      } else await this.act(next.taskId, launcher);
      await this.observeStages(campaignId, version);
    }
    return this.report(version, campaignId, started, lateUnits.map((code) => members.get(code)?.name ?? code), stopped);
  }

  /** The subject's units (its cluster's members, or the unit itself), by code. */
  private async members(campaignId: string): Promise<Map<string, { id: string; name: string }>> {
    const campaign = await this.em().findOneOrFail(Campaign, campaignId, { populate: ['subjectCluster.members', 'subjectUnit'] });
    const units = campaign.subjectCluster ? campaign.subjectCluster.members.getItems() : campaign.subjectUnit ? [campaign.subjectUnit] : [];
    return new Map(units.map((unit) => [unit.code, { id: unit.id, name: unit.name }]));
  }

  /** Every open task gets its actor's moment once: within the first third of its time, or a day after its due date. */
  private async planActions(campaignId: string, lateUnits: Set<string>): Promise<void> {
    const now = this.clock.now().getTime();
    const open = await this.em().find(Task, { campaign: campaignId, status: 'open' }, { populate: ['stageRun', 'assigneeUnit'] });
    for (const task of open) {
      if (this.planned.has(task.id)) continue;
      if (!PLAYED_STAGE_TYPES.has(task.stageRun.stageType)) {
        this.unplayedTypes.add(task.stageRun.stageType);
        this.planned.set(task.id, { at: Number.POSITIVE_INFINITY, taskId: task.id });
        continue;
      }
      const due = task.dueAt?.getTime();
      const late = task.assigneeUnit !== null && lateUnits.has(task.assigneeUnit.code);
      const at = late ? (due ?? now + 10 * DAY) + DAY : due ? now + (due - now) / 3 : now + DAY;
      // At 9 in the morning (Vietnam) of that day, as an office works, when that keeps the unit on the same side of
      // its due time (a deadline of an hour is met within the hour).
      const morning = startOfVietnamDay(vietnamDate(new Date(at))).getTime() + 9 * HOUR;
      const keepsSide = late ? morning > (due ?? now) : morning > now && (due === undefined || morning < due);
      this.planned.set(task.id, { at: keepsSide ? morning : at, taskId: task.id });
    }
  }

  private async nextEvent(
    campaignId: string,
  ): Promise<({ at: number } & ({ kind: 'timer'; message: OutboxMessage } | { kind: 'action'; taskId: string } | { kind: 'extra'; extra: { at: number; run: () => Promise<void> } })) | undefined> {
    const em = this.em();
    const runs = new Set((await em.find(StageRun, { campaign: campaignId }, { fields: ['id'] })).map((run) => run.id));
    const timers = (await em.find(OutboxMessage, { jobName: { $in: ['stage.deadline', 'stage.reminder'] }, runAt: { $ne: null } }, { orderBy: { runAt: 'asc' } })).filter(
      (message) => runs.has(String(message.payload.stageRunId)) && !this.firedTimers.has(message.jobId),
    );
    const open = new Set((await em.find(Task, { campaign: campaignId, status: 'open' }, { fields: ['id'] })).map((task) => task.id));
    const action = [...this.planned.values()].filter((plan) => open.has(plan.taskId) && Number.isFinite(plan.at)).sort((a, b) => a.at - b.at)[0];
    const timer = timers[0];
    const extra = [...this.extras].sort((a, b) => a.at - b.at)[0];
    if (extra && (!timer || extra.at < timer.runAt!.getTime()) && (!action || extra.at <= action.at)) return { kind: 'extra', extra, at: extra.at };
    if (timer && (!action || timer.runAt!.getTime() <= action.at)) return { kind: 'timer', message: timer, at: timer.runAt!.getTime() };
    return action ? { kind: 'action', taskId: action.taskId, at: action.at } : undefined;
  }

  private async fire(message: OutboxMessage): Promise<void> {
    this.firedTimers.add(message.jobId);
    const stageRunId = String(message.payload.stageRunId);
    const deadlines = this.app.get(StageDeadlinesService);
    const run = await this.em().findOneOrFail(StageRun, stageRunId);
    const stage = this.stages.get(stageRunId)?.name ?? { vi: run.stageKey, en: run.stageKey };
    if (message.jobName === 'stage.reminder') {
      const sent = await deadlines.onReminder(stageRunId, Number(message.payload.index));
      if (sent > 0) this.note('reminder', { vi: `Nhắc hạn bước “${stage.vi}”: ${sent} thông báo`, en: `Reminder for “${stage.en}”: ${sent} notices` });
      return;
    }
    if ((await deadlines.onDue(stageRunId)) === 'handled') this.note('deadline', { vi: `Đến hạn bước “${stage.vi}”`, en: `“${stage.en}” fell due` });
  }

  /** The task's synthetic actor acts through the same services as the API. A refusal is noted and the task left alone. */
  private async act(taskId: string, launcher: Principal): Promise<void> {
    const plan = this.planned.get(taskId)!;
    plan.at = Number.POSITIVE_INFINITY;
    const task = await this.em().findOneOrFail(Task, taskId, { populate: ['stageRun', 'assigneeUnit', 'assigneePerson'] });
    const stage = this.stages.get(task.stageRun.id)?.name ?? { vi: task.stageRun.stageKey, en: task.stageRun.stageKey };
    const who = task.assigneeUnit?.name ?? task.assigneePerson?.fullName ?? '—';
    const actor = await this.actors!.actorFor(task);
    if (!actor) {
      this.note('refusal', { vi: `${who}: không có cán bộ đương nhiệm để thực hiện bước “${stage.vi}”`, en: `${who}: nobody holds a mandate to act on “${stage.en}”` });
      return;
    }
    try {
      const did = await this.actors!.perform(task, actor, launcher);
      this.note('action', { vi: `${who}: ${did.vi} (bước “${stage.vi}”)`, en: `${who}: ${did.en} (“${stage.en}”)` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = this.refusalText(error);
      this.note('refusal', { vi: `${who} không thực hiện được bước “${stage.vi}”: ${refusal.vi}`, en: `${who} could not act on “${stage.en}”: ${refusal.en}` });
    }
  }

  /** 9 in the morning (Vietnam), `days` days from now. */
  private morningAfter(days: number): number {
    return startOfVietnamDay(vietnamDate(new Date(this.clock.now().getTime() + days * DAY))).getTime() + 9 * HOUR;
  }

  /** The unit proposes a clause at the start of the document; the other units vote on it the next morning. */
  private async proposeAmendment(campaignId: string, unitCode: string): Promise<void> {
    const unit = await this.em().findOne(Unit, { code: unitCode });
    const actor = unit ? await this.actors!.unitActor(unit.id) : undefined;
    if (!unit || !actor?.actingFor) {
      this.note('refusal', { vi: `${unitCode}: không có cán bộ đương nhiệm để đề xuất sửa đổi`, en: `${unitCode}: nobody holds a mandate to propose an amendment` });
      return;
    }
    const campaign = await this.em().findOneOrFail(Campaign, campaignId);
    const latest = await this.em().findOne(DocumentVersion, { document: String(campaign.context.documentId) }, { orderBy: { number: 'desc' } });
    try {
      const { amendment, pollId } = await this.actors!.proposeAmendment(campaignId, latest?.number ?? 1, { ...actor, actingFor: actor.actingFor });
      this.note('action', { vi: `${unit.name}: đề xuất sửa đổi số ${amendment.number}`, en: `${unit.name}: proposed amendment no. ${amendment.number}` });
      this.extras.push({ at: this.morningAfter(1), run: () => this.voteOnAmendment(campaignId, pollId, amendment.number) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = this.refusalText(error);
      this.note('refusal', { vi: `${unit.name} không đề xuất được sửa đổi: ${refusal.vi}`, en: `${unit.name} could not propose an amendment: ${refusal.en}` });
    }
  }

  /** Every member unit votes on the amendment: for, or against when the scenario says so. */
  private async voteOnAmendment(campaignId: string, pollId: string, number: number): Promise<void> {
    const units = [...(await this.members(campaignId))].map(([code, unit]) => ({ id: unit.id, code }));
    const { agree, disagree } = await this.actors!.voteOnAmendment(pollId, units);
    this.note('action', { vi: `Các đơn vị biểu quyết sửa đổi số ${number}: ${agree} đồng ý, ${disagree} không đồng ý`, en: `The units voted on amendment no. ${number}: ${agree} for, ${disagree} against` });
  }

  /** Notes stages entered and ended since the last look, at the virtual time. */
  private async observeStages(campaignId: string, version: WorkflowVersion): Promise<void> {
    const at = this.clock.now().toISOString();
    for (const run of await this.em().find(StageRun, { campaign: campaignId }, { orderBy: { createdAt: 'asc' } })) {
      const definition = version.document.stages[run.stageKey];
      const name = { vi: localText(definition?.name, run.stageKey, 'vi'), en: localText(definition?.name, run.stageKey, 'en') };
      let seen = this.stages.get(run.id);
      if (!seen) {
        seen = { key: run.stageKey, name, enteredAt: at, completedAt: null, outcome: null };
        this.stages.set(run.id, seen);
        this.note('stage', { vi: `Bắt đầu bước “${name.vi}”`, en: `Entered “${name.en}”` });
        if (run.stageType === 'discussion' && this.request?.behaviour.amends && !this.amended) {
          this.amended = true;
          this.extras.push({ at: this.morningAfter(1), run: () => this.proposeAmendment(campaignId, this.request!.behaviour.amends!) });
        }
      }
      if (run.status !== 'active' && !seen.completedAt) {
        seen.completedAt = at;
        seen.outcome = run.outcome;
        const ended = run.outcome ?? run.status;
        this.note('stage', { vi: `Kết thúc bước “${name.vi}”: ${labelOf(OUTCOME_TEXTS, ended, 'vi').toLowerCase()}`, en: `“${name.en}” ended: ${labelOf(OUTCOME_TEXTS, ended, 'en').toLowerCase()}` });
      }
    }
  }

  private note(kind: TimelineKind, text: Text): void {
    this.timeline.push({ at: this.clock.now().toISOString(), kind, ...text });
  }

  /** The refusal in words, with the first of its details that has a message (a form's first error, say). */
  private refusalText(error: AppError): Text {
    const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
    const first = details.find((detail) => typeof detail?.message === 'string');
    const detail = first ? ` — ${typeof first.path === 'string' ? `${first.path}: ` : ''}${String(first.message)}` : '';
    return { vi: `${catalogMessage(error.code, error.params, 'vi')}${detail}`, en: `${catalogMessage(error.code, error.params, 'en')}${detail}` };
  }

  private async report(version: WorkflowVersion, campaignId: string | null, started: Date, lateUnits: string[], stopped: Text): Promise<SimulationReport> {
    const em = this.em();
    const campaign = campaignId ? await em.findOneOrFail(Campaign, campaignId, { populate: ['subjectCluster', 'subjectUnit'] }) : null;
    const tasks = campaignId ? await em.find(Task, { campaign: campaignId, dueAt: { $ne: null } }, { populate: ['stageRun', 'assigneeUnit', 'assigneePerson'], orderBy: { dueAt: 'asc' } }) : [];
    const now = this.clock.now();
    const missedDeadlines: MissedDeadline[] = tasks
      // Done after its due time, still open past it, or closed unfinished when its stage moved on at or after it.
      .filter((task) =>
        task.completedAt
          ? task.completedAt > task.dueAt!
          : task.status === 'open'
            ? now > task.dueAt!
            : task.status === 'cancelled' && task.stageRun.closedAt !== null && task.stageRun.closedAt >= task.dueAt!,
      )
      .map((task) => ({
        stage: this.stages.get(task.stageRun.id)?.name ?? { vi: task.stageRun.stageKey, en: task.stageRun.stageKey },
        assignee: task.assigneeUnit?.name ?? task.assigneePerson?.fullName ?? '—',
        dueAt: task.dueAt!.toISOString(),
        doneAt: task.completedAt?.toISOString() ?? null,
      }));
    const notices = campaignId ? await em.find(Notification, { campaign: campaignId }, { fields: ['kind'] }) : [];
    const active = campaign ? campaign.activeStages.map((key) => ({ vi: localText(version.document.stages[key]?.name, key, 'vi'), en: localText(version.document.stages[key]?.name, key, 'en') })) : [];
    this.note('end', { vi: `Dừng diễn tập: ${stopped.vi}`, en: `Rehearsal stopped: ${stopped.en}` });
    return {
      workflow: { key: version.definition.key, version: version.number, name: localText(version.document.name, version.definition.name, 'vi') },
      subject: campaign?.subjectCluster?.name ?? campaign?.subjectUnit?.name ?? '—',
      startedAt: started.toISOString(),
      endedAt: now.toISOString(),
      status: campaign?.status ?? 'refused',
      activeStages: active,
      stages: [...this.stages.values()],
      timeline: this.timeline,
      remindersSent: notices.filter((notice) => notice.kind === 'reminder').length,
      noticesSent: notices.length,
      missedDeadlines,
      lateUnits,
      stoppedBecause: stopped,
    };
  }
}
