import { EntityManager, LockWaitTimeoutException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { catalogMessage } from '../../common/errors/error-catalog';
import { CalendarService } from '../../modules/calendar/calendar.service';
import { Clock } from '../../modules/calendar/clock';
import { vietnamDate } from '../../modules/calendar/dates';
import { Cluster } from '../../modules/org/entities/cluster.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { CampaignLaunchService } from '../engine/campaign-launch.service';
import { Campaign } from '../engine/entities/campaign.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { campaignName, runDate } from './date-rule';
import { LaunchSchedule, ScheduleRunSummary } from './entities/launch-schedule.entity';
import { LaunchAttemptOutcome, ScheduledLaunch } from './entities/scheduled-launch.entity';
import { LaunchJobResult } from './schedule-jobs';
import { ScheduleFlows } from './schedule-flows.service';
import { parseSubjectKey, scheduleSubjects } from './schedule-subjects';

/** Thrown inside the launch transaction when another attempt turned the failed row into a launch first: rolls back. */
class LaunchRaceLost extends Error {}

export interface TickReport {
  /** Enabled schedules whose run date has come. */
  due: number;
  /** Runs added (schedules with subjects not yet launched, or failed). */
  runs: number;
}

/**
 * What the `evaluation-schedules` jobs do: the tick finds due schedules and adds a run for their subjects not yet
 * launched; each launch is exactly once by the ScheduledLaunch row's unique key, written in the campaign's own
 * transaction; the run's parent records the summary.
 */
@Injectable()
export class ScheduledLauncher {
  private readonly logger = new Logger(ScheduledLauncher.name);

  constructor(
    private readonly em: EntityManager,
    private readonly launcher: CampaignLaunchService,
    private readonly flows: ScheduleFlows,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  /** Adds a run for every enabled schedule whose day (Vietnam time, by the Clock) has come and that has subjects left. */
  async tick(): Promise<TickReport> {
    const em = this.em.fork();
    const today = vietnamDate(this.clock.now());
    const calendar = await this.calendar.workingCalendar(em);
    const report: TickReport = { due: 0, runs: 0 };
    for (const schedule of await em.find(LaunchSchedule, { enabled: true }, { orderBy: { createdAt: 'asc' } })) {
      const day = runDate(schedule.date, schedule.shift, schedule.year, calendar);
      if (!day || day > today) continue;
      report.due++;
      const pending = await this.pendingSubjects(em, schedule);
      if (!pending.length) continue;
      await this.flows.addRun(schedule.id, schedule.year, pending);
      report.runs++;
    }
    return report;
  }

  /** The keys of the schedule's subjects without a launch: no row yet, or a failed one. */
  async pendingSubjects(em: EntityManager, schedule: LaunchSchedule): Promise<string[]> {
    const subjects = await scheduleSubjects(em, schedule);
    const done = new Set(
      (await em.find(ScheduledLaunch, { schedule, year: schedule.year, status: { $ne: 'failed' } }, { fields: ['subjectKey'] })).map((row) => row.subjectKey),
    );
    return subjects.map((s) => s.key).filter((key) => !done.has(key));
  }

  /**
   * Launches the schedule's workflow for one subject, at most once: a row already launched (or existed) answers
   * `existed`; a lost race on the unique key too. A refusal of the launch (an AppError of a user, not-found, forbidden
   * or conflict kind: no assignee, an archived subject) is recorded as `failed` and answered; anything else is thrown
   * for the job to retry.
   */
  async launchSubject(scheduleId: string, year: number, subjectKey: string): Promise<LaunchJobResult> {
    // SQLite lets one process write at a time and refuses a second writer at once ("database is locked"): a few quick
    // retries here, before the job's own slower ones. Every attempt starts from the database's state, so it stays idempotent.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.launchSubjectOnce(scheduleId, year, subjectKey);
      } catch (error) {
        if (!(error instanceof LockWaitTimeoutException) || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.floor(Math.random() * 50)));
      }
    }
  }

  private async launchSubjectOnce(scheduleId: string, year: number, subjectKey: string): Promise<LaunchJobResult> {
    const em = this.em.fork();
    const schedule = await em.findOne(LaunchSchedule, scheduleId, { populate: ['workflow', 'createdBy'] });
    const subject = parseSubjectKey(subjectKey);
    if (!schedule || schedule.year !== year || !subject) return { subjectKey, outcome: 'skipped' };
    const row = await em.findOne(ScheduledLaunch, { schedule, year, subjectKey });
    if (row && row.status !== 'failed') return { subjectKey, outcome: await this.attempted(row.id, 'existed') };

    try {
      const existing = await em.findOne(Campaign, {
        workflowVersion: { definition: schedule.workflow },
        year,
        ...(subject.kind === 'cluster' ? { subjectCluster: subject.id } : { subjectUnit: subject.id }),
        status: { $ne: 'cancelled' },
      });
      if (existing) {
        // Launched by hand (or by an earlier schedule) before: recorded, never launched twice.
        await em.transactional((tx) => this.claim(tx, schedule, year, subjectKey, row, 'existed', existing));
        return { subjectKey, outcome: 'existed' };
      }
      const version = await em.findOne(WorkflowVersion, { definition: schedule.workflow }, { orderBy: { number: 'desc' } });
      if (!version) throw new AppError('SCHEDULE_WORKFLOW_NOT_PUBLISHED', { workflow: schedule.workflow.name });
      const name = campaignName(schedule.nameTemplate, year, await this.subjectName(em, subject));
      const person = schedule.createdBy;
      const principal: Principal = { personId: person.id, username: person.username, fullName: person.fullName, roles: [] };
      await this.launcher.launch(
        { workflowVersionId: version.id, name, year, ...(subject.kind === 'cluster' ? { clusterId: subject.id } : { unitId: subject.id }) },
        principal,
        { within: (tx, campaign) => this.claim(tx, schedule, year, subjectKey, row, 'launched', campaign) },
      );
      return { subjectKey, outcome: 'launched' };
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException || error instanceof LaunchRaceLost) {
        const winner = await this.em.fork().findOne(ScheduledLaunch, { schedule: scheduleId, year, subjectKey });
        if (winner) await this.attempted(winner.id, 'existed');
        return { subjectKey, outcome: 'existed' };
      }
      // A refusal (no assignee, an archived subject) is recorded; a dependency down (operational) is the job's to retry.
      if (error instanceof AppError && error.kind !== 'operational' && error.kind !== 'unexpected') {
        return { subjectKey, outcome: await this.recordFailure(scheduleId, year, subjectKey, error) };
      }
      throw error;
    }
  }

  /**
   * Claims the subject in the caller's transaction: a new row (the unique key refuses a second), or a failed row
   * turned into a launch only if it is still the failed row this attempt read (compare-and-set on `attempts`).
   */
  private async claim(em: EntityManager, schedule: LaunchSchedule, year: number, subjectKey: string, failed: ScheduledLaunch | null, status: 'launched' | 'existed', campaign: Campaign): Promise<void> {
    const now = this.clock.now();
    if (failed) {
      const changed = await em.nativeUpdate(
        ScheduledLaunch,
        { id: failed.id, status: 'failed', attempts: failed.attempts },
        { status, campaign: campaign.id, attempts: failed.attempts + 1, errorCode: null, errorMessage: null, errorParams: null, lastOutcome: status, lastAttemptAt: now, updatedAt: now },
      );
      if (changed !== 1) throw new LaunchRaceLost();
      return;
    }
    // References: the schedule (and an existing campaign) were read by another entity manager than this transaction's.
    em.create(ScheduledLaunch, {
      schedule: em.getReference(LaunchSchedule, schedule.id),
      year,
      subjectKey,
      status,
      campaign: em.getReference(Campaign, campaign.id),
      lastOutcome: status,
      lastAttemptAt: now,
    });
    await em.flush();
  }

  /** Notes a later attempt's outcome on a row (a duplicate delivery shows as `existed`). */
  private async attempted(rowId: string, outcome: LaunchAttemptOutcome): Promise<'existed'> {
    const now = this.clock.now();
    await this.em.fork().nativeUpdate(ScheduledLaunch, { id: rowId }, { lastOutcome: outcome, lastAttemptAt: now, updatedAt: now });
    return 'existed';
  }

  /** Records a refused launch; a row another attempt launched meanwhile stays launched (the answer is then `existed`). */
  private async recordFailure(scheduleId: string, year: number, subjectKey: string, error: AppError): Promise<'failed' | 'existed'> {
    const em = this.em.fork();
    const now = this.clock.now();
    const errorMessage = catalogMessage(error.code, error.params, 'vi').slice(0, 2000);
    this.logger.warn({ scheduleId, year, subjectKey, code: error.code }, 'A scheduled launch was refused; it is retried on the next run');
    const row = await em.findOne(ScheduledLaunch, { schedule: scheduleId, year, subjectKey });
    if (!row) {
      try {
        em.create(ScheduledLaunch, { schedule: em.getReference(LaunchSchedule, scheduleId), year, subjectKey, status: 'failed', errorCode: error.code, errorMessage, errorParams: error.params, lastOutcome: 'failed', lastAttemptAt: now });
        await em.flush();
        return 'failed';
      } catch (insertError) {
        if (!(insertError instanceof UniqueConstraintViolationException)) throw insertError;
        return this.recordFailure(scheduleId, year, subjectKey, error);
      }
    }
    const changed = await em.nativeUpdate(
      ScheduledLaunch,
      { id: row.id, status: 'failed' },
      { attempts: row.attempts + 1, errorCode: error.code, errorMessage, errorParams: error.params, lastOutcome: 'failed', lastAttemptAt: now, updatedAt: now },
    );
    return changed === 1 ? 'failed' : 'existed';
  }

  private async subjectName(em: EntityManager, subject: { kind: 'cluster' | 'unit'; id: string }): Promise<string> {
    const found = subject.kind === 'cluster' ? await em.findOne(Cluster, subject.id) : await em.findOne(Unit, subject.id);
    return found?.name ?? subject.id;
  }

  /** The parent's work once its children are done: the run's counts, kept on the schedule (`lastRun`). */
  async recordRun(scheduleId: string, year: number, results: LaunchJobResult[], failedChildren: number): Promise<ScheduleRunSummary> {
    const count = (outcome: LaunchJobResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    const summary: ScheduleRunSummary = {
      finishedAt: this.clock.now().toISOString(),
      year,
      subjects: results.length + failedChildren,
      launched: count('launched'),
      existed: count('existed'),
      failed: count('failed') + failedChildren,
    };
    await this.em.fork().nativeUpdate(LaunchSchedule, { id: scheduleId }, { lastRun: summary });
    return summary;
  }
}
