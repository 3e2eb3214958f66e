import { MikroORM } from '@mikro-orm/core';
import { CommendationProposal } from '../../src/modules/commendations/entities/commendation-proposal.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Auth, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

interface Candidate {
  id: string;
  name: string;
  eligible: boolean;
}

/**
 * Item 6 and 8 of the commendations issue: an ad hoc commendation (khen thưởng đột xuất) a unit starts itself, returned
 * once for its dossier and then commended within its working-day deadlines; a thematic commendation of the cluster
 * with the movement's criteria; and an accepted advanced example proposed for an ad hoc commendation in one step.
 */
describe('ad hoc and thematic commendations, and an example proposed in one step (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let officer: Auth;
  let unitId: string;
  const council: Auth[] = [];
  const orm = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    officer = await bearerFor(t, 'quangbinh.canbo');
    for (const username of ['tdkt.vutruong', 'tdkt.chuyenvien']) council.push(await bearerFor(t, username));
    unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-QBI' }).set(pact.admin).expect(200)).body.items[0].id;
  }, 180_000);
  afterAll(() => t?.close());

  const taskOf = async (auth: Auth, campaignId: string, stageKey: string): Promise<string> => {
    const task = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    if (!task) throw new Error(`no open task of stage ${stageKey}`);
    return task.id;
  };
  const staff = async (): Promise<Candidate[]> => (await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'GIAY-KHEN' }).set(pact.admin).expect(200)).body.candidates;
  const councilPasses = async (campaignId: string) => {
    for (const member of council) {
      const task = await taskOf(member, campaignId, 'council-review');
      await t.http().post(`/api/v1/tasks/${task}/ballot`).set(member).send({ choice: 'agree' }).expect(200);
    }
  };

  it('lets a unit start an ad hoc commendation, returned once for its dossier, then commended', async () => {
    const startable = (await t.http().get('/api/v1/unit-campaigns/workflows').set(officer).expect(200)).body as Array<{ key: string; name: string }>;
    expect(startable.map((workflow) => workflow.key)).toEqual(['unit-adhoc-commendation']);
    expect(startable[0].name).toBe('Khen thưởng đột xuất');
    const refused = await t.http().post('/api/v1/unit-campaigns').set(officer).set('X-Acting-Unit', 'VKS-QBI').send({ workflowKey: 'cluster-pact' }).expect(403);
    expect(refused.body.code).toBe('WORKFLOW_NOT_STARTED_BY_UNITS');
    expect(refused.body.message).toContain('Xây dựng và thông qua giao ước thi đua');
    await t.http().post('/api/v1/unit-campaigns').set(officer).set('X-Acting-Unit', 'VKS-NAN').send({ workflowKey: 'unit-adhoc-commendation' }).expect(403);

    const started = (await t.http().post('/api/v1/unit-campaigns').set(officer).set('X-Acting-Unit', 'VKS-QBI').send({ workflowKey: 'unit-adhoc-commendation', year: 2020 }).expect(201)).body;
    expect(started.name).toMatch(/^Khen thưởng đột xuất — Viện kiểm sát nhân dân tỉnh Quảng Bình — \d\d\/\d\d\/\d{4}$/);
    const campaignId = started.id as string;
    const [hero] = (await staff()).filter((candidate) => candidate.eligible);

    const propose = async (account?: string) =>
      t.http().post(`/api/v1/tasks/${await taskOf(officer, campaignId, 'propose')}/proposals`).set(officer).send({ proposals: [{ title: 'GIAY-KHEN', candidates: [{ personId: hero.id, ...(account ? { account } : {}) }] }] });
    const unexplained = await (await propose()).body;
    expect(unexplained).toMatchObject({ code: 'PROPOSAL_ACCOUNT_REQUIRED' });
    expect(unexplained.message).toBe(`Đề nghị Giấy khen cho ${hero.name} cần tóm tắt thành tích.`);
    expect((await propose('Bắt giữ đối tượng trốn truy nã ngày 02/8/2020.')).status).toBe(200);

    // The department returns the dossier: the proposal is withdrawn and the unit proposes afresh.
    const review = await taskOf(pact.admin, campaignId, 'dossier-review');
    await t.http().post(`/api/v1/tasks/${review}/commands`).set(pact.admin).send({ command: 'return', comment: 'Bổ sung xác nhận của cơ quan công an.' }).expect(200);
    expect(await orm().count(CommendationProposal, { campaignId })).toBe(0);
    expect((await propose('Bắt giữ đối tượng trốn truy nã ngày 02/8/2020; có xác nhận của Công an tỉnh.')).status).toBe(200);
    await t.http().post(`/api/v1/tasks/${await taskOf(pact.admin, campaignId, 'dossier-review')}/commands`).set(pact.admin).send({ command: 'approve' }).expect(200);

    await councilPasses(campaignId);
    const decision = await taskOf(pact.admin, campaignId, 'decision');
    await t.http().post(`/api/v1/tasks/${decision}/decision`).set(pact.admin).send({ number: '12/QĐ-VKS-QBI', signedOn: '2020-08-10', issuer: 'Viện trưởng VKSND tỉnh Quảng Bình' }).expect(200);

    const register = (await t.http().get('/api/v1/commendations').query({ year: 2020 }).set(pact.admin).expect(200)).body.items as Array<{ recipient: { name: string }; title: { code: string; kind: string }; decision: { number: string } }>;
    expect(register.filter((entry) => entry.decision.number === '12/QĐ-VKS-QBI').map((entry) => [entry.recipient.name, entry.title.code, entry.title.kind])).toEqual([[hero.name, 'GIAY-KHEN', 'form']]);
    const [proposal] = await orm().find(CommendationProposal, { campaignId });
    expect(proposal).toMatchObject({ status: 'awarded', account: 'Bắt giữ đối tượng trốn truy nã ngày 02/8/2020; có xác nhận của Công an tỉnh.' });
    const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(pact.admin).expect(200)).body as Array<{ type: string }>;
    expect(history.map((event) => event.type)).toEqual(expect.arrayContaining(['proposals.submitted', 'proposals.withdrawn', 'proposals.approved', 'decision.recorded']));
    const campaign = await orm().findOneOrFail(Campaign, campaignId);
    expect(campaign.status).toBe('completed');
    // A few working days: each stage was due 2 or 3 working days after it was entered (Vietnam dates).
    const detail = (await t.http().get(`/api/v1/campaigns/${campaignId}`).set(pact.admin).expect(200)).body as { stages: Array<{ stageKey: string; enteredAt: string; dueAt: string | null }> };
    const vietnamDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const budget: Record<string, number> = { propose: 2, 'dossier-review': 2, 'council-review': 3, decision: 2 };
    // Propose and review twice (the dossier was returned once), then the council and the decision.
    expect(detail.stages.filter((run) => run.dueAt).map((run) => run.stageKey)).toEqual(['propose', 'dossier-review', 'propose', 'dossier-review', 'council-review', 'decision']);
    for (const stage of detail.stages.filter((run) => run.dueAt)) {
      const due = (await t.http().get('/api/v1/calendar/working-days').query({ from: vietnamDay(stage.enteredAt), add: budget[stage.stageKey] }).set(pact.admin).expect(200)).body.date;
      expect(`${stage.stageKey} ${vietnamDay(stage.dueAt!)}`).toBe(`${stage.stageKey} ${due}`);
    }
    expect(Object.values(budget).reduce((a, b) => a + b)).toBe(9);
  });

  it('shows the thematic movement’s criteria on every unit’s task and commends a collective', async () => {
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const thematic = definitions.find((definition) => definition.key === 'cluster-thematic-commendation')!;
    const versionId = (await t.http().get(`/api/v1/workflow-definitions/${thematic.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
    const campaignId = (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name: 'Khen thưởng chuyên đề "Chuyển đổi số" 2020', year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;
    const task = await taskOf(officer, campaignId, 'propose');
    const page = await t.http().get(`/inbox/tasks/${task}/proposals`).set('Cookie', await cookieOf('quangbinh.canbo')).expect(200);
    expect(page.text).toContain('Tiêu chí');
    expect(page.text).toContain('phong trào thi đua theo chuyên đề');
    expect(page.text).toContain('Giấy khen của Viện trưởng Viện kiểm sát nhân dân cấp tỉnh tặng tập thể');
    await t.http().post(`/api/v1/tasks/${task}/proposals`).set(officer).send({ proposals: [{ title: 'GIAY-KHEN-TAP-THE', candidates: [{ personId: unitId, account: 'Hoàn thành số hóa 100% hồ sơ kiểm sát năm 2020.' }] }] }).expect(200);
    for (const [slug, code] of [['thanhhoa', 'VKS-THA'], ['nghean', 'VKS-NAN'], ['hatinh', 'VKS-HTI'], ['quangtri', 'VKS-QTR'], ['hue', 'VKS-TTH']]) {
      const auth = await bearerFor(t, `${slug}.canbo`);
      await t.http().post(`/api/v1/tasks/${await taskOf(auth, campaignId, 'propose')}/proposals`).set(auth).set('X-Acting-Unit', code).send({ proposals: [] }).expect(200);
    }
    await t.http().post(`/api/v1/tasks/${await taskOf(pact.head, campaignId, 'cluster-review')}/commands`).set(pact.head).send({ command: 'approve' }).expect(200);
    await councilPasses(campaignId);
    await t.http().post(`/api/v1/tasks/${await taskOf(pact.admin, campaignId, 'decision')}/decision`).set(pact.admin).send({ number: '30/QĐ-VKSTC', signedOn: '2020-12-20', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao' }).expect(200);
    const unitRecord = (await t.http().get(`/api/v1/units/${unitId}/commendation-record`).set(pact.admin).expect(200)).body;
    expect(JSON.stringify(unitRecord.commendations)).toContain('GIAY-KHEN-TAP-THE');
  });

  it('proposes an accepted advanced example for an ad hoc commendation in one step, once', async () => {
    const [, second] = (await staff()).filter((candidate) => candidate.eligible);
    const thanhhoa = await bearerFor(t, 'thanhhoa.canbo');
    const example = (await t.http().post('/api/v1/advanced-examples').set(officer).send({ kind: 'good-deed', unitId, personId: second.id, year: 2020, title: 'Cứu người đuối nước', account: 'Cứu hai cháu nhỏ bị đuối nước ở sông Gianh ngày 12/7/2020.' }).expect(201)).body;
    const oneStep = (body: Record<string, unknown>, as = officer) => t.http().post(`/api/v1/advanced-examples/${example.id}/commendation`).set(as).send(body);
    expect((await oneStep({ title: 'GIAY-KHEN' }).expect(409)).body.code).toBe('EXAMPLE_NOT_ACCEPTED');
    await t.http().post(`/api/v1/advanced-examples/${example.id}/review`).set(thanhhoa).send({ decision: 'accept' }).expect(200);
    const notAForm = (await oneStep({ title: 'LDTT' }).expect(422)).body;
    expect(notAForm.code).toBe('EXAMPLE_TITLE_NOT_A_FORM');
    expect(notAForm.message).toContain('GIAY-KHEN (Giấy khen)');
    expect((await oneStep({ title: 'GIAY-KHEN' }, thanhhoa).expect(403)).body.code).toBe('NOT_MANDATED');

    // Three requests at once: one campaign, one proposal, with the example's account.
    const answers = await Promise.all(Array.from({ length: 3 }, () => oneStep({ title: 'BANG-KHEN-VKSTC' })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const campaignIds = new Set(answers.map((answer) => answer.body.campaignId));
    expect(campaignIds.size).toBe(1);
    const [campaignId] = [...campaignIds];
    const proposals = await orm().find(CommendationProposal, { campaignId });
    expect(proposals.map((p) => [p.titleCode, p.person?.id, p.status])).toEqual([['BANG-KHEN-VKSTC', second.id, 'proposed']]);
    expect(proposals[0].account).toContain('sông Gianh');
    const campaign = await orm().findOneOrFail(Campaign, campaignId, { populate: ['subjectUnit'] });
    expect(campaign.subjectUnit?.id).toBe(unitId);
    expect(campaign.name).toBe(`Khen thưởng đột xuất: ${second.name} — Cứu người đuối nước`);
    // The campaign has moved past the proposal, to the department's review; the example links to it.
    await taskOf(pact.admin, campaignId, 'dossier-review');
    expect((await t.http().get(`/api/v1/advanced-examples/${example.id}`).set(officer).expect(200)).body.commendationCampaignId).toBe(campaignId);
  });

  it('ends without a vote when the unit proposes nobody', async () => {
    const campaignId = (await t.http().post('/api/v1/unit-campaigns').set(officer).set('X-Acting-Unit', 'VKS-QBI').send({ workflowKey: 'unit-adhoc-commendation', year: 2020, name: 'Khen thưởng đột xuất (không đề nghị)' }).expect(201)).body.id;
    await t.http().post(`/api/v1/tasks/${await taskOf(officer, campaignId, 'propose')}/proposals`).set(officer).send({ proposals: [] }).expect(200);
    const campaign = await orm().findOneOrFail(Campaign, campaignId);
    expect(campaign.status).toBe('completed');
    expect((campaign.context.stages as Record<string, { outcome: string }>).propose.outcome).toBe('none');
  });

  it('starts an ad hoc commendation from the unit’s page and lands on its proposal', async () => {
    const { pageSessions } = await import('../support/page-session');
    const pages = pageSessions(t);
    const page = await pages.page('quangbinh.canbo', '/unit-campaigns/new');
    expect(page).toContain('Khen thưởng đột xuất');
    expect(page).toContain('Viện kiểm sát nhân dân tỉnh Quảng Bình');
    expect(page).toContain('href="/unit-campaigns/new"');
    const refused = await pages.post('quangbinh.canbo', '/unit-campaigns/new', { workflow: 'cluster-pact', unit: 'VKS-QBI', year: '2020' }, 403);
    expect(refused.text).toContain('đơn vị không tự khởi động');
    const started = await pages.post('quangbinh.canbo', '/unit-campaigns/new', { workflow: 'unit-adhoc-commendation', unit: 'VKS-QBI', year: '2020', name: 'Khen thưởng đột xuất từ trang' }, 303);
    expect(started.headers.location).toMatch(/^\/inbox\/tasks\/[0-9a-f-]+\/proposals$/);
    const task = await pages.page('quangbinh.canbo', started.headers.location);
    expect(task).toContain('Tóm tắt thành tích của');
    // An administrator without a unit is told why they cannot start one.
    expect(await pages.page('admin', '/unit-campaigns/new')).toContain('Bạn chưa được ủy quyền cho đơn vị nào');
  });

  async function cookieOf(username: string): Promise<string> {
    const { signInWithForm } = await import('../support/page-session');
    return (await signInWithForm(t, username)).cookie;
  }
});
