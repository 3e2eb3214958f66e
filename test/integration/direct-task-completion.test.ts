import { MikroORM } from '@mikro-orm/core';
import type { Knex } from 'knex';
import { PrincipalService } from '../../src/modules/auth/principal.service';
import { WebhookEndpointsService } from '../../src/modules/webhooks/webhook-endpoints.service';
import { Clock } from '../../src/modules/calendar/clock';
import { syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { FormSubmission } from '../../src/modules/forms/submissions/form-submission.entity';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { CampaignCommandsService } from '../../src/workflows/engine/campaign-commands.service';
import { CampaignHistoryService, verifyChain } from '../../src/workflows/engine/campaign-history.service';
import { CampaignLaunchService } from '../../src/workflows/engine/campaign-launch.service';
import { CampaignLock } from '../../src/workflows/engine/campaign-lock.service';
import { DirectTaskCompletion } from '../../src/workflows/engine/direct-task-completion';
import { StageDeadlinesService } from '../../src/workflows/engine/stage-deadlines.service';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Notification } from '../../src/workflows/engine/entities/notification.entity';
import { StageRun } from '../../src/workflows/engine/entities/stage-run.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { WriteNotDeferred, writeDeferred, deferringWrites } from '../../src/workflows/engine/deferred-writes';
import { FormTaskService } from '../../src/workflows/stages/form/form-task.service';
import { holdCampaign } from '../support/hold-campaign';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { titleRegistration2020 } from '../support/title-registration';
import { publishedVersion } from '../support/workflow-factory';

const UNITS = { 'VKS-THA': 'thanhhoa', 'VKS-NAN': 'nghean', 'VKS-HTI': 'hatinh', 'VKS-QBI': 'quangbinh', 'VKS-QTR': 'quangtri', 'VKS-TTH': 'hue' } as const;
type UnitCode = keyof typeof UNITS;

/**
 * Task commands and launches written without the campaign's lock. A command that completes its task and leaves its
 * stage open is one hand-written statement conditioned on the campaign's version (DirectTaskCompletion); one that
 * completes its stage, and a launch, are computed without a transaction and written at once (deferred-writes.ts: one
 * statement on PostgreSQL, one transaction on SQLite), conditioned on the version for a command. These tests check
 * that they write what the locked path writes, that a change of the campaign between the read and the write makes
 * them write nothing and leave the command to the locked path, and that commands of one campaign in one process take
 * turns.
 */
describe(`direct task completion (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let orm: MikroORM;
  let versionId: string;
  let clusterId: string;
  let admin: { personId: string; username: string; fullName: string; roles: string[] };

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    orm = t.app.get(MikroORM);
    const em = orm.em.fork();
    const person = await em.findOneOrFail(Person, { username: 'admin' });
    admin = { personId: person.id, username: 'admin', fullName: person.fullName, roles: ['admin'] };
    clusterId = (await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    const version = await publishedVersion(t, 'direct-completion', {
      name: 'direct completion',
      start: 'acknowledge',
      stages: { acknowledge: { type: 'acknowledge', fanOut: 'each-member', on: { acknowledged: 'done' } }, done: { type: 'end' } },
    });
    versionId = version.id;
  });
  afterAll(() => t?.close());
  // The hand-written paths step aside while the cached list of webhook endpoints is older than its TTL (5 s: a webhook
  // might want the event), until a write of the unit of work reads it again. Read afresh before each test, so that a
  // slow test before it cannot send these to the unit of work's way.
  beforeEach(async () => {
    const endpoints = t.app.get(WebhookEndpointsService);
    endpoints.invalidate();
    await endpoints.subscribedTo(orm.em.fork(), 'campaign.launched');
  });

  const launch = async (name: string) => (await t.app.get(CampaignLaunchService).launch({ workflowVersionId: versionId, name, year: 2020, clusterId }, admin)).id;

  const officerOf = async (code: UnitCode) => {
    const person = await orm.em.fork().findOneOrFail(Person, { username: `${UNITS[code]}.canbo` });
    return { principal: { personId: person.id, username: person.username, fullName: person.fullName, roles: [] }, actingFor: await t.app.get(PrincipalService).resolveActingFor(person.id, code) };
  };

  const taskOf = async (campaignId: string, code: UnitCode) => orm.em.fork().findOneOrFail(Task, { campaign: campaignId, assigneeUnit: { code } });

  const acknowledge = async (campaignId: string, code: UnitCode) => {
    const officer = await officerOf(code);
    return t.app.get(CampaignCommandsService).commandTask((await taskOf(campaignId, code)).id, { command: 'acknowledge' }, officer.principal, officer.actingFor);
  };

  const events = (campaignId: string) => orm.em.fork().find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } });
  const versionOf = async (campaignId: string) => (await orm.em.fork().findOneOrFail(Campaign, campaignId)).version;

  /** The statements the app sends while `work` runs (every connection of this suite's database). */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    const knex = (orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    const sent: string[] = [];
    const listener = (query: { sql: string }) => sent.push(query.sql);
    knex.on('query', listener);
    try {
      await work();
    } finally {
      knex.off('query', listener);
    }
    return sent;
  }

  it('completes a task that leaves its stage open with one write, from what its launch wrote, and the event continues the chain', async () => {
    const campaignId = await launch('direct: one acknowledgement');
    const before = await versionOf(campaignId);
    const officer = await officerOf('VKS-NAN');
    const { id: taskId } = await taskOf(campaignId, 'VKS-NAN');
    const commands = t.app.get(CampaignCommandsService);
    const sent = await statementsOf(() => commands.commandTask(taskId, { command: 'acknowledge' }, officer.principal, officer.actingFor));

    const task = await taskOf(campaignId, 'VKS-NAN');
    expect(task).toMatchObject({ status: 'done', outcome: 'acknowledged', comment: null, late: false, completedMandateId: officer.actingFor!.mandateId });
    expect(task.completedBy?.id).toBe(officer.principal.personId);
    expect(task.completedAt).toBeInstanceOf(Date);
    expect(await versionOf(campaignId)).toBe(before + 1);
    const history = await events(campaignId);
    const last = history[history.length - 1];
    expect(last).toMatchObject({ type: 'task.completed', actor: { personId: officer.principal.personId, unitId: officer.actingFor!.unitId, mandateId: officer.actingFor!.mandateId } });
    expect(last.data).toEqual({ stage: 'acknowledge', iteration: 1, taskId: task.id, assignee: task.assigneeKey, command: 'acknowledge', outcome: 'acknowledged', late: false });
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: history.length });
    // No read (the launch kept what it wrote: KeptTaskReads), then the write: one statement on PostgreSQL, a
    // transaction of three on SQLite.
    if (TEST_DIALECT === 'postgresql') {
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^with bumped as \(update campaign set version = version \+ 1 /);
    } else {
      expect(sent.map((sql) => sql.split(' ')[0].toLowerCase().replace(/;$/, ''))).toEqual(['begin', 'update', 'update', 'insert', 'commit']);
    }
    expect((await orm.em.fork().find(Task, { campaign: campaignId, status: 'open' })).length).toBe(5);
  });

  it('writes nothing when the campaign changed after the read', async () => {
    const campaignId = await launch('direct: stale');
    const task = await taskOf(campaignId, 'VKS-HTI');
    const before = { version: await versionOf(campaignId), events: (await events(campaignId)).length };
    const head = (await events(campaignId)).at(-1)!;
    const written = await t.app.get(DirectTaskCompletion).write({
      campaignId,
      campaignVersion: before.version - 1,
      taskId: task.id,
      outcome: 'acknowledged',
      comment: null,
      completedById: admin.personId,
      completedMandateId: null,
      completedAt: new Date(),
      late: false,
      events: [{ type: 'task.completed', seq: head.seq + 1, actor: null, data: {}, occurredAt: new Date(), prevHash: head.hash, hash: 'f'.repeat(64) }],
    });
    expect(written).toBe(false);
    expect(await taskOf(campaignId, 'VKS-HTI')).toMatchObject({ status: 'open', outcome: null, completedBy: null });
    expect(await versionOf(campaignId)).toBe(before.version);
    expect((await events(campaignId)).length).toBe(before.events);
  });

  it('leaves a command that met a change of its campaign to the locked path, and records it once', async () => {
    const campaignId = await launch('direct: contended');
    const before = await versionOf(campaignId);
    // Another change of the campaign holds its lock while the command reads and then tries to write.
    const { release, committed: other } = await holdCampaign(t.app.get(CampaignLock), campaignId);
    const command = acknowledge(campaignId, 'VKS-QBI');
    if (TEST_DIALECT === 'postgresql') {
      // Its conditioned write waits for the held change's row lock, and finds the version changed once it commits.
      await waitFor(async () => {
        const [row] = await orm.em
          .getConnection()
          .execute<Array<{ n: string | number }>>("select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'with bumped as (update campaign%'");
        return Number(row.n) > 0 ? true : undefined;
      }, 'the direct write to wait for the lock');
    }
    release();
    await other;
    await expect(command).resolves.toMatchObject({ status: 'done', outcome: 'acknowledged' });
    // SQLite's one connection makes the command read after the other change committed: it writes directly.
    expect(await versionOf(campaignId)).toBe(before + 2);
    const history = await events(campaignId);
    expect(history.filter((event) => event.type === 'task.completed')).toHaveLength(1);
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true });
  });

  it('writes the task that completes its stage, and what follows, with what it read and without the lock', async () => {
    const campaignId = await launch('direct: all six');
    const codes = Object.keys(UNITS) as UnitCode[];
    for (const code of codes.slice(0, -1)) await acknowledge(campaignId, code);
    const before = await versionOf(campaignId);
    const officer = await officerOf(codes[codes.length - 1]);
    const { id: taskId } = await taskOf(campaignId, codes[codes.length - 1]);
    const sent = await statementsOf(() => t.app.get(CampaignCommandsService).commandTask(taskId, { command: 'acknowledge' }, officer.principal, officer.actingFor));
    // Not read again: the run's reading as the commands before it left it (KeptTaskReads); the end stage is numbered
    // from it, not by a query.
    expect(sent.filter((sql) => sql.startsWith('select'))).toEqual([]);
    // Written by hand (DirectTaskCompletion), without the unit of work: the stage leads straight to the end.
    if (TEST_DIALECT === 'postgresql') {
      // Everything the command changed (the task, both stage runs, the campaign, four events) at once.
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^with bumped as \(update campaign set version = version \+ 1, status = 'completed', /);
    } else {
      // The same writes in one transaction, the version bumped first (SQLite cannot write from a WITH).
      const kinds = sent.map((sql) => sql.split(' ')[0].toLowerCase().replace(/;$/, ''));
      expect(kinds).toEqual(['begin', 'update', 'update', 'update', 'insert', 'insert', 'commit']);
      expect(sent[1]).toMatch(/^update campaign set version = version \+ 1, status = 'completed', .* where id = \? and version = \? and status = 'running'$/);
    }
    // Not the lock's compare-and-set.
    expect(sent.filter((sql) => sql.includes('returning *'))).toEqual([]);
    const campaign = await orm.em.fork().findOneOrFail(Campaign, campaignId);
    expect(campaign).toMatchObject({ status: 'completed', version: before + 1, activeStages: [], context: { stages: { acknowledge: { outcome: 'acknowledged', iteration: 1 } }, lastOutcome: 'acknowledged' } });
    expect(campaign.endedAt).toBeInstanceOf(Date);
    const runs = await orm.em.fork().find(StageRun, { campaign: campaignId }, { orderBy: { createdAt: 'asc', stageKey: 'asc' } });
    expect(runs.map((run) => [run.stageKey, run.iteration, run.status, run.outcome])).toEqual([['acknowledge', 1, 'completed', 'acknowledged'], ['done', 1, 'completed', 'end']]);
    expect(await taskOf(campaignId, codes[codes.length - 1])).toMatchObject({ status: 'done', outcome: 'acknowledged', completedMandateId: officer.actingFor!.mandateId });
    const history = await events(campaignId);
    expect(history.map((event) => event.type).slice(-4)).toEqual(['task.completed', 'stage.completed', 'stage.entered', 'campaign.completed']);
    expect(history.at(-2)!.data).toMatchObject({ stage: 'done', iteration: 1, stageRunId: runs[1].id });
    expect(history.filter((event) => event.type === 'task.completed')).toHaveLength(6);
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: history.length });
  });

  it('starts a command from the reading kept of its run, and reads afresh once another change made it stale', async () => {
    const campaignId = await launch('direct: kept reading');
    await acknowledge(campaignId, 'VKS-THA'); // read and written: its run's reading kept
    const sentKept = await statementsOf(() => acknowledge(campaignId, 'VKS-NAN'));
    expect(sentKept.filter((sql) => sql.startsWith('select t.*'))).toEqual([]);

    // A change the kept reading does not know (another process's, here by hand): the campaign one version on.
    await orm.em.fork().nativeUpdate(Campaign, campaignId, { version: (await versionOf(campaignId)) + 1 });
    const before = await versionOf(campaignId);
    const sentStale = await statementsOf(() => acknowledge(campaignId, 'VKS-HTI'));
    // The kept reading's write found the version changed and wrote nothing; read afresh, written once.
    expect(sentStale.filter((sql) => sql.startsWith('select t.*'))).toHaveLength(1);
    expect(await versionOf(campaignId)).toBe(before + 1);
    expect(await taskOf(campaignId, 'VKS-HTI')).toMatchObject({ status: 'done', outcome: 'acknowledged' });

    // A refusal from a kept reading is the locked path's, from the state under the lock.
    await expect(acknowledge(campaignId, 'VKS-HTI')).rejects.toMatchObject({ code: 'TASK_CLOSED' });
    const history = await events(campaignId);
    expect(history.filter((event) => event.type === 'task.completed').map((event) => event.data.taskId)).toEqual(
      await Promise.all((['VKS-THA', 'VKS-NAN', 'VKS-HTI'] as const).map(async (code) => (await taskOf(campaignId, code)).id)),
    );
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: history.length });
  });

  it('launches a campaign with one write (one transaction on SQLite): the campaign, its first stage, its tasks and events at once', async () => {
    let campaignId = '';
    const sent = await statementsOf(async () => (campaignId = await launch('direct: launched')));
    const writes = sent.filter((sql) => !sql.startsWith('select'));
    if (TEST_DIALECT === 'postgresql') {
      expect(writes).toHaveLength(1);
      expect(writes[0]).toMatch(/^with w0 as \(insert into "?campaign"? /);
    } else {
      expect(writes.map((sql) => sql.split(' ')[0].toLowerCase().replace(/;$/, ''))).toEqual(['begin', 'insert', 'insert', 'insert', 'insert', 'commit']);
    }
    expect(await orm.em.fork().findOneOrFail(Campaign, campaignId)).toMatchObject({ status: 'running', version: 1, activeStages: ['acknowledge'] });
    const tasks = await orm.em.fork().find(Task, { campaign: campaignId }, { populate: ['stageRun', 'assigneeUnit'] });
    expect(tasks.map((task) => [task.assigneeUnit!.code, task.status, task.stageRun.stageKey]).sort()).toEqual(Object.keys(UNITS).sort().map((code) => [code, 'open', 'acknowledge']));
    const history = await events(campaignId);
    expect(history.map((event) => event.type)).toEqual(['campaign.launched', 'stage.entered']);
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: 2 });
  });

  it('takes the commands of one campaign in turn when its six members act at once: none refused, each recorded once', async () => {
    const campaignId = await launch('direct: all at once');
    const before = await versionOf(campaignId);
    const sent = await statementsOf(() => Promise.all((Object.keys(UNITS) as UnitCode[]).map((code) => acknowledge(campaignId, code))));
    // In turn, each reads what the one before it wrote: no write meets a changed version, none takes the lock.
    if (TEST_DIALECT === 'postgresql') expect(sent.filter((sql) => /^(begin|update campaign)/i.test(sql))).toEqual([]);
    expect(await versionOf(campaignId)).toBe(before + 6);
    expect((await orm.em.fork().findOneOrFail(Campaign, campaignId)).status).toBe('completed');
    const history = await events(campaignId);
    expect(history.filter((event) => event.type === 'task.completed')).toHaveLength(6);
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: history.length });
  });

  it('writes nothing of a stage transition when the campaign changed after the read', async () => {
    const campaignId = await launch('direct: stale transition');
    const em = deferringWrites(orm.em);
    const campaign = await orm.em.fork().findOneOrFail(Campaign, campaignId);
    const before = { version: campaign.version, events: (await events(campaignId)).length };
    const mapped = await em.findOneOrFail(Campaign, campaignId);
    mapped.status = 'completed';
    mapped.activeStages = [];
    const task = await em.findOneOrFail(Task, { campaign: campaignId, assigneeUnit: { code: 'VKS-HTI' } });
    task.status = 'done';
    await expect(em.flush()).rejects.toBeInstanceOf(WriteNotDeferred);
    const written = await writeDeferred(em, { id: campaignId, version: before.version - 1 });
    expect(written).toBe(false);
    expect(await orm.em.fork().findOneOrFail(Campaign, campaignId)).toMatchObject({ status: 'running', version: before.version });
    expect(await taskOf(campaignId, 'VKS-HTI')).toMatchObject({ status: 'open' });
    expect((await events(campaignId)).length).toBe(before.events);
  });

  it('marks a task completed after its due time late, in the task and in its event, on the direct write', async () => {
    const due = await publishedVersion(t, 'direct-late', {
      name: 'direct late',
      start: 'acknowledge',
      stages: { acknowledge: { type: 'acknowledge', fanOut: 'each-member', due: { hours: 1 }, on: { acknowledged: 'done' } }, done: { type: 'end' } },
    });
    const { id: campaignId } = await t.app.get(CampaignLaunchService).launch({ workflowVersionId: due.id, name: 'direct: late', year: 2020, clusterId }, admin);
    await acknowledge(campaignId, 'VKS-THA');
    const clock = t.app.get(Clock);
    clock.advance(60 * 60 * 1000 + 1000);
    try {
      const sent = await statementsOf(() => acknowledge(campaignId, 'VKS-NAN'));
      expect(sent.filter((sql) => sql.includes("update task set status = 'done'"))).toHaveLength(1); // the direct write's
    } finally {
      clock.advance(-(60 * 60 * 1000 + 1000));
    }
    const tasks = await orm.em.fork().find(Task, { campaign: campaignId }, { populate: ['assigneeUnit'] });
    expect(Object.fromEntries(tasks.filter((task) => task.status === 'done').map((task) => [task.assigneeUnit!.code, task.late]))).toEqual({ 'VKS-THA': false, 'VKS-NAN': true });
    expect((await events(campaignId)).filter((event) => event.type === 'task.completed').map((event) => event.data.late)).toEqual([false, true]);
  });

  it('marks a deadline\'s open tasks late and tells their assignees with what it read and one write, once', async () => {
    const due = await publishedVersion(t, 'direct-deadline', {
      name: 'direct deadline',
      start: 'acknowledge',
      stages: { acknowledge: { type: 'acknowledge', name: { vi: 'Xác nhận', en: 'Acknowledge' }, fanOut: 'each-member', due: { hours: 1 }, onDeadline: 'mark-late', on: { acknowledged: 'done' } }, done: { type: 'end' } },
    });
    const { id: campaignId } = await t.app.get(CampaignLaunchService).launch({ workflowVersionId: due.id, name: 'direct: deadline', year: 2020, clusterId }, admin);
    await acknowledge(campaignId, 'VKS-NAN');
    const run = await orm.em.fork().findOneOrFail(StageRun, { campaign: campaignId, status: 'active' });
    await orm.em.fork().nativeUpdate(StageRun, run.id, { dueAt: new Date(Date.now() - 1000) });
    const before = { version: await versionOf(campaignId), events: (await events(campaignId)).length };
    const deadlines = t.app.get(StageDeadlinesService);

    const sent = await statementsOf(async () => expect(await deadlines.onDue(run.id)).toBe('handled'));

    const tasks = await orm.em.fork().find(Task, { campaign: campaignId }, { populate: ['assigneeUnit'] });
    expect(tasks.filter((task) => task.status === 'open').map((task) => task.late)).toEqual([false, false, false, false, false].map(() => true));
    expect(tasks.find((task) => task.assigneeUnit?.code === 'VKS-NAN')).toMatchObject({ status: 'done', late: false });
    const notices = await orm.em.fork().find(Notification, { campaign: campaignId, kind: 'deadline' }, { populate: ['unit'] });
    expect(notices.map((notice) => notice.unit?.code).sort()).toEqual(['VKS-HTI', 'VKS-QBI', 'VKS-QTR', 'VKS-THA', 'VKS-TTH']);
    expect(notices[0].message).toEqual({ vi: '"Xác nhận" (direct: deadline) đã quá hạn.', en: '"Acknowledge" (direct: deadline) is overdue.' });
    const history = await events(campaignId);
    expect(history.slice(before.events).map((event) => [event.type, event.data.stageRunId])).toEqual([['stage.overdue', run.id]]);
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true });
    expect(await versionOf(campaignId)).toBe(before.version + 1);
    // One read (the run with its campaign, the chain's head and the open tasks), then one write (a transaction on SQLite).
    const kinds = sent.map((sql) => sql.split(' ')[0].toLowerCase().replace(/;$/, ''));
    if (TEST_DIALECT === 'postgresql') {
      expect(kinds).toEqual(['select', 'with']);
    } else {
      expect(kinds.slice(0, 2)).toEqual(['select', 'begin']);
      expect(kinds.filter((kind) => kind === 'begin')).toHaveLength(1);
    }

    // Delivered again: nothing new.
    expect(await deadlines.onDue(run.id)).toBe('stale');
    expect(await orm.em.fork().count(Notification, { campaign: campaignId })).toBe(notices.length);
    expect((await events(campaignId)).length).toBe(history.length);
  });

  it('writes form submissions with their tasks and events at once, without the lock: over a draft, as a new row, and with the stage they complete', async () => {
    await syncBuiltinForms(new FormsService(orm.em.fork()));
    const formVersion = await publishedVersion(t, 'direct-form', {
      name: 'direct form',
      start: 'register',
      stages: { register: { type: 'form', fanOut: 'each-member', settings: { form: 'pact/title-registration' }, on: { submitted: 'done' } }, done: { type: 'end' } },
    });
    const campaignId = (await t.app.get(CampaignLaunchService).launch({ workflowVersionId: formVersion.id, name: 'direct: form', year: 2020, clusterId }, admin)).id;
    const forms = t.app.get(FormTaskService);
    const submit = async (code: UnitCode, unitName: string) => {
      const officer = await officerOf(code);
      const task = await taskOf(campaignId, code);
      const sent = await statementsOf(() => forms.submit(task.id, { data: titleRegistration2020(unitName) }, officer.principal, code, 'vi'));
      const row = await orm.em.fork().findOneOrFail(FormSubmission, { taskId: task.id });
      expect(row).toMatchObject({ status: 'submitted', late: false, unit: { id: officer.actingFor!.unitId }, person: { id: officer.principal.personId }, mandateId: officer.actingFor!.mandateId, data: titleRegistration2020(unitName) });
      expect(row.submittedAt).toBeInstanceOf(Date);
      expect(await taskOf(campaignId, code)).toMatchObject({ status: 'done', outcome: 'submitted', completedMandateId: officer.actingFor!.mandateId });
      // Neither the lock's compare-and-set nor a transaction of the unit of work's own.
      expect(sent.filter((sql) => /^update campaign set version .* returning \*$/s.test(sql))).toEqual([]);
      if (TEST_DIALECT === 'postgresql') expect(sent.filter((sql) => /^(begin|commit)/i.test(sql))).toEqual([]);
      return { sent, row };
    };

    // A unit with a draft: its task, the event and the draft replaced (the same row) in the hand-written write.
    const hatinh = await officerOf('VKS-HTI');
    const hatinhTask = await taskOf(campaignId, 'VKS-HTI');
    await forms.saveDraft(hatinhTask.id, { unitName: 'VKSND tỉnh Hà Tĩnh' }, hatinh.principal, undefined, 'vi');
    const draft = await orm.em.fork().findOneOrFail(FormSubmission, { taskId: hatinhTask.id });
    const before = await versionOf(campaignId);
    const overDraft = await submit('VKS-HTI', 'VKSND tỉnh Hà Tĩnh');
    expect(overDraft.row.id).toBe(draft.id);
    expect(await orm.em.fork().count(FormSubmission, { taskId: hatinhTask.id })).toBe(1);
    if (TEST_DIALECT === 'postgresql') {
      expect(overDraft.sent.filter((sql) => sql.startsWith('with bumped as (update campaign set version'))).toHaveLength(1);
      expect(overDraft.sent.find((sql) => sql.startsWith('with bumped as'))).toMatch(/insert into form_submission .* on conflict \(task_id\) do update set /s);
    } else {
      // The same writes in one transaction: the version, the task, the row, the event.
      expect(overDraft.sent.slice(-6).map((sql) => sql.split(' ').slice(0, 3).join(' ').toLowerCase().replace(/;$/, ''))).toEqual(['begin', 'update campaign set', 'update task set', 'insert into form_submission', 'insert into campaign_event', 'commit']);
    }
    expect(await versionOf(campaignId)).toBe(before + 1);

    // Without a draft: inserted, in the same kind of write.
    const inserted = await submit('VKS-QTR', 'VKSND tỉnh Quảng Trị');
    if (TEST_DIALECT === 'postgresql') expect(inserted.sent.filter((sql) => sql.startsWith('with bumped as (update campaign set version') && /insert into form_submission/.test(sql))).toHaveLength(1);
    expect(await versionOf(campaignId)).toBe(before + 2);

    // The last one completes the stage, which leads to the end: the campaign completed in the same hand-written write, the row in it.
    await submit('VKS-THA', 'VKSND tỉnh Thanh Hóa');
    await submit('VKS-NAN', 'VKSND tỉnh Nghệ An');
    await submit('VKS-QBI', 'VKSND tỉnh Quảng Bình');
    const last = await submit('VKS-TTH', 'VKSND thành phố Huế');
    if (TEST_DIALECT === 'postgresql') expect(last.sent.filter((sql) => sql.startsWith("with bumped as (update campaign set version = version + 1, status = 'completed'") && /insert into form_submission/.test(sql))).toHaveLength(1);
    expect(await orm.em.fork().findOneOrFail(Campaign, campaignId)).toMatchObject({ status: 'completed', version: before + 6 });
    expect(await orm.em.fork().count(FormSubmission, { campaignId, status: 'submitted' })).toBe(6);
    const history = await events(campaignId);
    expect(history.filter((event) => event.type === 'task.completed').map((event) => event.data.outcome)).toEqual(Array(6).fill('submitted'));
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: history.length });
  });

  it('ends a campaign by hand exactly as the unit of work does, and leaves it to the unit of work when a listener heeds the end', async () => {
    // A listener that heeds the campaign's end while `heeding`: the command then goes the unit of work's way.
    let heeding = false;
    const heard: string[] = [];
    t.app.get(CampaignHistoryService).onAppend(['campaign.completed'], async (em, campaign) => void heard.push(campaign.id), () => heeding);
    const endOf = async (name: string) => {
      const campaignId = await launch(name);
      const codes = Object.keys(UNITS) as UnitCode[];
      for (const code of codes.slice(0, -1)) await acknowledge(campaignId, code);
      const sent = await statementsOf(() => acknowledge(campaignId, codes[codes.length - 1]));
      const campaign = await orm.em.fork().findOneOrFail(Campaign, campaignId);
      const runs = await orm.em.fork().find(StageRun, { campaign: campaignId }, { orderBy: { stageKey: 'asc' } });
      const history = await events(campaignId);
      expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: history.length });
      const ids = new Map<unknown, string>([[campaignId, 'campaign'], ...runs.map((run): [string, string] => [run.id, `run ${run.stageKey}`])]);
      const tasks = await orm.em.fork().find(Task, { campaign: campaignId });
      for (const task of tasks) ids.set(task.id, `task ${task.assigneeKey}`);
      const named = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [key, ids.get(value) ?? value]));
      return {
        byHand: sent.some((sql) => sql.startsWith("with bumped as (update campaign set version = version + 1, status = 'completed'") || sql.startsWith("update campaign set version = version + 1, status = 'completed'")),
        campaign: {
          status: campaign.status, version: campaign.version, activeStages: campaign.activeStages, context: campaign.context, ended: campaign.endedAt instanceof Date, year: campaign.year,
          workflowVersion: campaign.workflowVersion.id, cluster: campaign.subjectCluster?.id ?? null, unit: campaign.subjectUnit?.id ?? null, launchedBy: campaign.launchedBy?.id ?? null,
          cancelReason: campaign.cancelReason, created: campaign.createdAt instanceof Date && campaign.updatedAt >= campaign.createdAt,
        },
        runs: runs.map((run) => ({ key: run.stageKey, iteration: run.iteration, type: run.stageType, status: run.status, outcome: run.outcome, dueAt: run.dueAt, overdue: run.overdue, closed: run.closedAt instanceof Date })),
        events: history.map((event) => ({ seq: event.seq, type: event.type, actor: event.actor, data: named(event.data) })),
      };
    };
    const byHand = await endOf('direct: ended by hand');
    heeding = true;
    const byUnitOfWork = await endOf('direct: ended by the unit of work');
    expect(heard).toHaveLength(1);
    expect(byHand.byHand).toBe(true);
    expect(byUnitOfWork.byHand).toBe(false);
    expect({ ...byHand, byHand: undefined }).toEqual({ ...byUnitOfWork, byHand: undefined });
    expect(byHand.campaign).toMatchObject({ status: 'completed', activeStages: [], ended: true });
    expect(byHand.events.slice(-3).map((event) => event.type)).toEqual(['stage.completed', 'stage.entered', 'campaign.completed']);
  });

  it('launches a campaign and moves it into its next stages by hand exactly as the unit of work does, and its next command reads nothing', async () => {
    const approvals = await publishedVersion(t, 'direct-transitions', {
      name: 'direct transitions',
      start: 'head-review',
      stages: {
        'head-review': { type: 'review', assignees: ['cluster-head'], on: { approved: 'deputy-review', returned: 'head-review' } },
        'deputy-review': { type: 'review', assignees: ['cluster-deputy'], on: { approved: 'admin-review', returned: 'head-review' } },
        'admin-review': { type: 'review', assignees: [{ person: 'admin' }], on: { approved: 'done', returned: 'deputy-review' } },
        done: { type: 'end' },
      },
    });
    // A listener that heeds the stages entered while `heeding`: the transitions then go the unit of work's way.
    let heeding = false;
    t.app.get(CampaignHistoryService).onAppend(['stage.entered'], async () => undefined, () => heeding);
    const head = await officerOf('VKS-THA');
    const deputy = await officerOf('VKS-NAN');
    const commands = t.app.get(CampaignCommandsService);
    const openTask = async (campaignId: string) => (await orm.em.fork().findOneOrFail(Task, { campaign: campaignId, status: 'open' })).id;
    const command = async (campaignId: string, name: string, actor: { principal: typeof admin; actingFor?: Awaited<ReturnType<typeof officerOf>>['actingFor'] }, comment?: string) => {
      const taskId = await openTask(campaignId);
      return statementsOf(() => commands.commandTask(taskId, { command: name, comment }, actor.principal, actor.actingFor));
    };
    const runThrough = async (name: string) => {
      let campaignId = '';
      const launchSent = await statementsOf(async () => {
        campaignId = (await t.app.get(CampaignLaunchService).launch({ workflowVersionId: approvals.id, name, year: 2020, clusterId, startsOn: '2020-01-15' }, admin)).id;
      });
      const launched = await stateOf(campaignId); // as the launch wrote it
      const first = await command(campaignId, 'approve', head);
      const entered = await stateOf(campaignId); // the deputy's task as entered, before its command changes it
      const sent = [
        first,
        await command(campaignId, 'approve', deputy),
        await command(campaignId, 'return', { principal: admin }, 'Bổ sung số liệu'), // back to the deputy: its second iteration
        await command(campaignId, 'approve', deputy),
        await command(campaignId, 'approve', { principal: admin }),
      ];
      return { launchSent, sent, launched, entered, ...(await stateOf(campaignId)) };
    };
    const stateOf = async (campaignId: string) => {
      const campaign = await orm.em.fork().findOneOrFail(Campaign, campaignId);
      const runs = await orm.em.fork().find(StageRun, { campaign: campaignId }, { orderBy: { createdAt: 'asc', iteration: 'asc' } });
      const tasks = await orm.em.fork().find(Task, { campaign: campaignId }, { orderBy: { createdAt: 'asc' } });
      const history = await events(campaignId);
      expect(verifyChain(campaignId, history)).toMatchObject({ intact: true, events: history.length });
      const ids = new Map<unknown, string>([[campaignId, 'campaign'], ...runs.map((run): [string, string] => [run.id, `run ${run.stageKey} ${run.iteration}`])]);
      for (const task of tasks) ids.set(task.id, `task ${ids.get(task.stageRun.id)}`);
      const named = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [key, ids.get(value) ?? value]));
      return {
        campaign: {
          status: campaign.status, version: campaign.version, activeStages: campaign.activeStages, context: campaign.context, ended: campaign.endedAt instanceof Date, year: campaign.year,
          workflowVersion: campaign.workflowVersion.id, cluster: campaign.subjectCluster?.id ?? null, unit: campaign.subjectUnit?.id ?? null, launchedBy: campaign.launchedBy?.id ?? null,
          cancelReason: campaign.cancelReason, created: campaign.createdAt instanceof Date && campaign.updatedAt >= campaign.createdAt,
        },
        runs: runs.map((run) => ({ key: run.stageKey, iteration: run.iteration, type: run.stageType, status: run.status, outcome: run.outcome, dueAt: run.dueAt, overdue: run.overdue, closed: run.closedAt instanceof Date })),
        tasks: tasks.map((task) => ({
          run: ids.get(task.stageRun.id), key: task.assigneeKey, unit: task.assigneeUnit?.id ?? null, person: task.assigneePerson?.id ?? null, about: task.aboutUnit?.id ?? null,
          status: task.status, outcome: task.outcome, comment: task.comment, by: task.completedBy?.id ?? null, mandate: task.completedMandateId, completed: task.completedAt instanceof Date, dueAt: task.dueAt, late: task.late,
        })),
        events: history.map((event) => ({ seq: event.seq, type: event.type, actor: event.actor, data: named(event.data) })),
      };
    };
    const byHand = await runThrough('direct: moved on by hand');
    heeding = true;
    const byUnitOfWork = await runThrough('direct: moved on by the unit of work');
    heeding = false;

    const kinds = (sent: string[]) => sent.map((sql) => sql.split(' ')[0].toLowerCase().replace(/;$/, ''));
    expect({ ...byHand, sent: undefined, launchSent: undefined }).toEqual({ ...byUnitOfWork, sent: undefined, launchSent: undefined });
    expect(byHand.launched.campaign).toMatchObject({ status: 'running', version: 1, activeStages: ['head-review'], context: { startsOn: '2020-01-15' }, launchedBy: admin.personId, cluster: clusterId });
    expect(byHand.launched.events.map((event) => event.type)).toEqual(['campaign.launched', 'stage.entered']);
    // The launch by hand: the cluster read, then one write (a transaction on SQLite) of the campaign, its run, its task and two events.
    const launchWrite = /^(with w0 as \()?insert into campaign \(/;
    expect(byHand.launchSent.filter((sql) => sql.startsWith('select * from cluster'))).toHaveLength(1);
    expect(byHand.launchSent.filter((sql) => launchWrite.test(sql))).toHaveLength(1);
    if (TEST_DIALECT === 'postgresql') expect(byHand.launchSent.filter((sql) => !sql.startsWith('select'))).toEqual([expect.stringMatching(launchWrite)]);
    else expect(kinds(byHand.launchSent.filter((sql) => !sql.startsWith('select')))).toEqual(['begin', 'insert', 'insert', 'insert', 'insert', 'commit']);
    expect(byUnitOfWork.launchSent.filter((sql) => launchWrite.test(sql))).toEqual([]);
    expect(byHand.runs.map((run) => `${run.key} ${run.iteration} ${run.outcome}`)).toEqual(['head-review 1 approved', 'deputy-review 1 approved', 'admin-review 1 returned', 'deputy-review 2 approved', 'admin-review 2 approved', 'done 1 end']);
    expect(byHand.campaign).toMatchObject({ status: 'completed', activeStages: [], ended: true });
    const transition = /^(with bumped as \()?update campaign set version = version \+ 1, active_stages = \?, context = \?, updated_at = \? where/;
    // The head's approval: no read (the launch kept what it wrote, the cluster's head with it), one write (a
    // transaction on SQLite): the task, both runs, the new task, the campaign and three events.
    if (TEST_DIALECT === 'postgresql') {
      expect(byHand.sent[0]).toHaveLength(1);
      expect(byHand.sent[0][0]).toMatch(transition);
    } else {
      expect(kinds(byHand.sent[0])).toEqual(['begin', 'update', 'update', 'update', 'insert', 'insert', 'insert', 'commit']);
      expect(byHand.sent[0][1]).toMatch(transition);
    }
    // The deputy's: no read either (the stage entered by hand was kept), the administrator found by name.
    expect(byHand.sent[1].filter((sql) => sql.startsWith('select t.*'))).toEqual([]);
    expect(byHand.sent[1].filter((sql) => transition.test(sql))).toHaveLength(1);
    // The unit of work's way: read, then its own write.
    expect(byUnitOfWork.sent.flat().filter((sql) => transition.test(sql))).toEqual([]);
  });

  it('tells what listens to the completed tasks in the write that appends them', async () => {
    const campaignId = await launch('direct: listened');
    const heard: string[] = [];
    t.app.get(CampaignHistoryService).onAppend(['task.completed'], async (em, campaign, event) => {
      heard.push(`${campaign.id} ${event.seq}`);
    });
    const officer = await officerOf('VKS-QTR');
    const { id: taskId } = await taskOf(campaignId, 'VKS-QTR');
    const sent = await statementsOf(() => t.app.get(CampaignCommandsService).commandTask(taskId, { command: 'acknowledge' }, officer.principal, officer.actingFor));
    const history = await events(campaignId);
    expect(heard).toEqual([`${campaignId} ${history.at(-1)!.seq}`]);
    // Not the hand-written statement of a lone task: the unit of work's, conditioned on the version, or the lock's.
    expect(sent.some((sql) => sql.startsWith('with bumped as (update campaign set'))).toBe(false);
    expect(verifyChain(campaignId, history)).toMatchObject({ intact: true });
  });
});
