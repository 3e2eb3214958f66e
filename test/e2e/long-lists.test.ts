import { MikroORM } from '@mikro-orm/core';
import { CampaignHistoryService } from '../../src/workflows/engine/campaign-history.service';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { publishedVersion } from '../support/workflow-factory';

describe('long lists are paged: done tasks in the inbox, a campaign’s history (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  let versionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'hatinh.canbo');
    versionId = (await publishedVersion(t, 'e2e-one-step', {
      name: { vi: 'Một bước' },
      subject: 'unit',
      start: 'confirm',
      stages: { confirm: { type: 'acknowledge', name: { vi: 'Xác nhận' }, assignees: [{ unit: 'VKS-HTI' }], on: { acknowledged: 'done' } }, done: { type: 'end' } },
    })).id;
  });
  afterAll(() => t?.close());

  it('shows done tasks 50 to a page, most recent first, with links between the pages', async () => {
    const unitId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Unit, { code: 'VKS-HTI' })).id;
    for (let i = 1; i <= 52; i++) {
      const campaign = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: versionId, name: `Xác nhận số ${String(i).padStart(2, '0')}`, year: 2020, unitId }).expect(201)).body;
      const task = (await t.http().get(`/api/v1/inbox?campaignId=${campaign.id}`).set(officer).expect(200)).body.tasks[0];
      await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(officer).send({ command: 'acknowledge' }).expect(200);
    }
    const pages = pageSessions(t);
    const first = await pages.page('hatinh.canbo', '/inbox');
    const names = (page: string) => [...page.matchAll(/Xác nhận số (\d\d)/g)].map((m) => m[1]);
    expect(names(first)).toHaveLength(50);
    expect(first).toContain('Trang 1/2');
    expect(first).toContain('href="/inbox?donePage=2#done-heading"');
    const second = await pages.page('hatinh.canbo', '/inbox?donePage=2');
    expect(second).toContain('Trang 2/2');
    expect(second).toContain('href="/inbox?donePage=1#done-heading"');
    // The two pages together hold every done task once.
    expect(new Set([...names(first), ...names(second)]).size).toBe(52);
    expect(names(second)).toHaveLength(2);
    // A page past the end shows the last one.
    expect(names(await pages.page('hatinh.canbo', '/inbox?donePage=9'))).toEqual(names(second));
  });

  it('shows a campaign’s history 100 events to a page, the chain still verified whole', async () => {
    const em = t.app.get(MikroORM).em.fork();
    const campaign = await em.findOneOrFail(Campaign, { name: 'Xác nhận số 01' });
    const history = t.app.get(CampaignHistoryService);
    await em.transactional(async (tx) => {
      const inTx = await tx.findOneOrFail(Campaign, campaign.id);
      for (let i = 0; i < 120; i++) await history.append(tx, inTx, 'stage.overdue', { stage: 'confirm', policy: 'mark-late' });
    });
    const total = (await t.http().get(`/api/v1/campaigns/${campaign.id}/history`).set(admin).expect(200)).body.length;
    expect(total).toBeGreaterThan(120);
    const pages = pageSessions(t);
    const rows = (page: string) => (page.match(/<tr>|<tr class="is-broken">/g) ?? []).length - 1;
    const first = await pages.page('admin', `/campaigns/${campaign.id}/history`);
    expect(rows(first)).toBe(100);
    expect(first).toContain(`href="/campaigns/${campaign.id}/history?page=2"`);
    const second = await pages.page('admin', `/campaigns/${campaign.id}/history?page=2`);
    expect(rows(second)).toBe(total - 100);
    expect(second).toContain('id="chain-verdict"');
  });
});
