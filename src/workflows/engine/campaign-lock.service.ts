import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Text } from '../../common/i18n/language';
import { sqlRows } from '../../database/sql-rows';
import { EngineMetrics } from '../../modules/observability/engine-metrics.service';
import { EventActor } from './campaign-history.service';
import { CAMPAIGN_STATUS_TEXTS } from '../web/workflow-web-texts';
import { WriteNotDeferred, writeDeferred, deferringWrites } from './deferred-writes';
import { Campaign } from './entities/campaign.entity';
import { OutboxService } from './outbox.service';
import { RunContext, WorkflowRunner } from './workflow-runner.service';

/** A campaign, or a task's campaign; `read`: the task's campaign as its caller read it, tried first by id and version. */
type LockSubject = { campaignId: string } | { taskId: string; read?: CampaignRead };

export interface CampaignRead {
  campaignId: string;
  version: number;
}

/** A campaign's status as a refusal says it, after its name: "đã hủy" / "cancelled". */
const statusInWords = (status: string): Text => {
  const words = CAMPAIGN_STATUS_TEXTS[status] ?? { vi: status, en: status };
  return { vi: words.vi.toLocaleLowerCase('vi'), en: words.en.toLowerCase() };
};

/** How many times in all a change is tried while other changes of the same campaign commit first. */
const CONFLICT_ATTEMPTS = 10;

/**
 * Runs a change of a campaign again while it is refused with CAMPAIGN_CHANGED: a refused change rolled back whole, so
 * trying it again is what the client would do, without the round trip (members acting in the same instant, a hot
 * campaign). A short random pause keeps the contenders from meeting again in step.
 */
export async function retryOnConflict<T>(change: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CAMPAIGN_CHANGED' || attempt >= CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/**
 * Every change to a campaign runs here: in one transaction that first bumps the campaign's `version`
 * (compare-and-set), so a concurrent change of the same campaign gets 409 CAMPAIGN_CHANGED and can retry.
 * After commit the stage transitions are counted and the outbox is relayed, so deadlines reach BullMQ only for
 * committed work.
 */
@Injectable()
export class CampaignLock {
  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly outbox: OutboxService,
    private readonly metrics: EngineMetrics,
  ) {}

  /** `lean`: as for a task's campaign (runForTask), the subject and workflow version loaded only when a stage needs them. */
  run<T>(campaignId: string, actor: EventActor | null, work: (ctx: RunContext) => Promise<T>, { lean = false } = {}): Promise<T> {
    return this.runLocked({ campaignId }, actor, work, lean);
  }

  /**
   * The same for the campaign of a task, found by the locking statement itself (404 TASK_NOT_FOUND), lean: the
   * campaign's subject and workflow version are loaded only when a stage is entered or completed (most task commands
   * do neither), and the document comes from the published documents' cache. `read`: the campaign as the caller read
   * it with the task; when its version is still there the lock is taken by id and version, and the caller's reading
   * still holds (the context's campaign then has that version plus one).
   */
  runForTask<T>(taskId: string, actor: EventActor | null, work: (ctx: RunContext) => Promise<T>, read?: CampaignRead): Promise<T> {
    return this.runLocked({ taskId, read }, actor, work, true);
  }

  /**
   * A change of a campaign without its lock: `work` runs on the campaign as its caller read it (`read.row`), in an
   * entity manager that writes nothing before the end (deferringWrites), and what it changed is then written at once,
   * conditioned on the version read (writeDeferred: one statement on PostgreSQL). Answers undefined, having written
   * nothing, when the campaign changed since, when `work` refuses (AppError) or must write before its end, or when a
   * change is not one written so: the caller then takes the locked path, which decides from the state under the lock.
   */
  async runOptimistic<T>(read: CampaignRead & { row: Record<string, unknown> }, actor: EventActor | null, work: (ctx: RunContext) => Promise<T>): Promise<{ value: T } | undefined> {
    const em = deferringWrites(this.em);
    const ctx = await this.runner.context(em, em.map(Campaign, read.row), actor, { lean: true });
    let value: T;
    try {
      value = await work(ctx);
    } catch (error) {
      if (error instanceof AppError || error instanceof WriteNotDeferred) return undefined;
      throw error;
    }
    if (!(await writeDeferred(em, { id: read.campaignId, version: read.version }))) return undefined;
    this.metrics.stagesCompleted(ctx.transitions);
    this.outbox.kick();
    return { value };
  }

  private async runLocked<T>(subject: LockSubject, actor: EventActor | null, work: (ctx: RunContext) => Promise<T>, lean: boolean): Promise<T> {
    const committed: RunContext[] = [];
    const result = await this.em.fork().transactional(async (em) => {
      const campaign = await this.bump(em, subject);
      const ctx = await this.runner.context(em, campaign, actor, { lean });
      committed.push(ctx);
      return work(ctx);
    });
    this.metrics.stagesCompleted(committed.flatMap((c) => c.transitions));
    this.outbox.kick();
    return result;
  }

  /**
   * The compare-and-set in one round trip: the version this statement read must still be there when it writes. A
   * concurrent change that committed in between makes it update nothing (on PostgreSQL the row is re-checked after
   * the other transaction's lock is released), and only then do we look for the reason.
   */
  private async bump(em: EntityManager, subject: LockSubject): Promise<Campaign> {
    // The version the caller read, still there: what it read with it is too (every change of a campaign bumps it).
    const read = 'taskId' in subject ? subject.read : undefined;
    if (read) {
      const [row] = await sqlRows<Record<string, unknown>>(em, `update campaign set version = version + 1 where id = ? and status = 'running' and version = ? returning *`, [read.campaignId, read.version]);
      if (row) return em.map(Campaign, row);
    }
    const [target, params] = 'taskId' in subject ? ['(select campaign_id from task where id = ?)', [subject.taskId, subject.taskId]] : ['?', [subject.campaignId, subject.campaignId]];
    const rows = await sqlRows<Record<string, unknown>>(
      em,
      `update campaign set version = version + 1 where id = ${target} and status = 'running' and version = (select version from campaign where id = ${target}) returning *`,
      params,
    );
    if (rows.length === 1) return em.map(Campaign, rows[0]);
    // In this transaction: on SQLite it holds the only connection.
    const campaignId = 'taskId' in subject ? await this.campaignIdOfTask(subject.taskId, em) : subject.campaignId;
    const seen = await em.findOne(Campaign, campaignId);
    if (!seen) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    if (seen.status !== 'running') throw new AppError('CAMPAIGN_NOT_RUNNING', { campaign: seen.name, status: statusInWords(seen.status) });
    throw new AppError('CAMPAIGN_CHANGED');
  }

  async campaignIdOfTask(taskId: string, em: EntityManager = this.em.fork()): Promise<string> {
    const [row] = await sqlRows<{ campaign_id: string }>(em, 'select campaign_id from task where id = ?', [taskId]);
    if (!row) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    return row.campaign_id;
  }
}
