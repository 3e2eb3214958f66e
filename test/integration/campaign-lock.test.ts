import { MikroORM } from '@mikro-orm/core';
import { PrincipalService } from '../../src/modules/auth/principal.service';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { CampaignCommandsService } from '../../src/workflows/engine/campaign-commands.service';
import { CampaignLaunchService } from '../../src/workflows/engine/campaign-launch.service';
import { CampaignLock } from '../../src/workflows/engine/campaign-lock.service';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { holdCampaign } from '../support/hold-campaign';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';
import { waitFor } from '../support/wait-for';

/**
 * The campaign lock's compare-and-set is one statement (the version it reads must still be there when it writes).
 * These tests hold one change of a campaign open while a second one starts, and check what the second one gets.
 */
describe(`campaign lock (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    const em = t.app.get(MikroORM).em.fork();
    const admin = await em.findOneOrFail(Person, { username: 'admin' });
    const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });
    const version = await publishedVersion(t, 'campaign-lock', fourStageDocument());
    const launched = await t.app
      .get(CampaignLaunchService)
      .launch({ workflowVersionId: version.id, name: 'campaign-lock', year: 2020, clusterId: cluster.id }, { personId: admin.id, username: 'admin', fullName: admin.fullName, roles: ['admin'] });
    campaignId = launched.id;
  });
  afterAll(() => t?.close());

  const versionOf = async () => (await t.app.get(MikroORM).em.fork().findOneOrFail(Campaign, campaignId)).version;

  /** On PostgreSQL, until another statement of this test's database waits for the held change's row lock (other suites' do not count). */
  const lockWaited = (what: string) =>
    waitFor(async () => {
      const [row] = await t.app
        .get(MikroORM)
        .em.getConnection()
        .execute<Array<{ n: string | number }>>("select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and (query like 'update campaign set version%' or query like 'with bumped as (update \"campaign\"%')");
      return Number(row.n) > 0 ? true : undefined;
    }, what);

  it('bumps the version once per change and hands the work the campaign as it now stands', async () => {
    const before = await versionOf();
    const seen = await t.app.get(CampaignLock).run(campaignId, null, async (ctx) => ({ version: ctx.campaign.version, year: ctx.campaign.year, status: ctx.campaign.status }));
    expect(seen).toEqual({ version: before + 1, year: 2020, status: 'running' });
    expect(await versionOf()).toBe(before + 1);
  });

  it('answers CAMPAIGN_NOT_FOUND and leaves other campaigns alone', async () => {
    const before = await versionOf();
    await expect(t.app.get(CampaignLock).run('00000000-0000-4000-8000-000000000000', null, async () => 'ran')).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
    expect(await versionOf()).toBe(before);
  });

  it('finds the campaign of a task in the locking statement, and answers TASK_NOT_FOUND for an unknown task', async () => {
    const lock = t.app.get(CampaignLock);
    const before = await versionOf();
    const [task] = await t.app.get(MikroORM).em.fork().getConnection().execute<Array<{ id: string }>>('select id from task where campaign_id = ? limit 1', [campaignId]);
    expect(await lock.runForTask(task.id, null, async (ctx) => ctx.campaign.id)).toBe(campaignId);
    await expect(lock.runForTask('00000000-0000-4000-8000-000000000000', null, async () => 'ran')).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(await versionOf()).toBe(before + 1);
  });

  it('refuses a change that started while another change of the same campaign was open', async () => {
    const lock = t.app.get(CampaignLock);
    const before = await versionOf();
    const { release, committed: first } = await holdCampaign(t.app.get(CampaignLock), campaignId);
    const second = lock.run(campaignId, null, async () => 'second').catch((error: { code?: string }) => error.code);
    if (TEST_DIALECT === 'postgresql') {
      // The second statement waits for the first transaction's row lock: release the first only once it does.
      await lockWaited('the second change to wait for the lock');
      release();
      expect(await first).toBe('first');
      expect(await second).toBe('CAMPAIGN_CHANGED');
      expect(await versionOf()).toBe(before + 1);
    } else {
      // One SQLite connection: the second transaction starts only after the first commits, and then sees its change.
      release();
      expect(await first).toBe('first');
      expect(await second).toBe('second');
      expect(await versionOf()).toBe(before + 2);
    }
  });

  it('tries a task command again when another change of its campaign committed first, and counts it once', async () => {
    const orm = t.app.get(MikroORM);
    const head = await orm.em.fork().findOneOrFail(Person, { username: 'thanhhoa.vientruong' });
    const actingFor = await t.app.get(PrincipalService).resolveActingFor(head.id, 'VKS-THA');
    const [review] = await orm.em.getConnection().execute<Array<{ id: string }>>("select id from task where campaign_id = ? and status = 'open'", [campaignId]);
    const before = await versionOf();
    const { release, committed: first } = await holdCampaign(t.app.get(CampaignLock), campaignId);
    const principal = { personId: head.id, username: head.username, fullName: head.fullName, roles: [] };
    const command = t.app.get(CampaignCommandsService).commandTask(review.id, { command: 'approve' }, principal, actingFor);
    if (TEST_DIALECT === 'postgresql') {
      // As above, the command's first attempt (its write conditioned on the version it read) waits for the held
      // change and writes nothing once it commits; the command then takes the lock.
      await lockWaited('the command to wait for the lock');
    }
    release();
    await first;
    expect(await command).toMatchObject({ status: 'done', outcome: 'approved' });
    expect(await versionOf()).toBe(before + 2);
    expect(await orm.em.fork().count(CampaignEvent, { campaign: campaignId, type: 'task.completed' })).toBe(1);
  });
});
