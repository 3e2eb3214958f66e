import { MikroORM } from '@mikro-orm/core';
import { CommendationProposal } from '../../src/modules/commendations/entities/commendation-proposal.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

interface Candidate {
  id: string;
  name: string;
  eligible: boolean;
}

/**
 * The pages of the individual-titles campaign: a unit's officer proposes from the task page (each title's staff with
 * verdicts and reasons; a refusal keeps the ticks and lists the reasons), and a council member votes in person on the
 * poll's page, which completes the member's task.
 */
describe('individual titles: the propose task page and the council member’s ballot page (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let campaignId: string;
  let pages: ReturnType<typeof pageSessions>;
  const officers = new Map<string, Auth>();
  const unitIds = new Map<string, string>();
  const orm = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    pages = pageSessions(t);
    for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
    for (const unit of await orm().find(Unit, {})) unitIds.set(unit.code, unit.id);
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const builtIn = definitions.find((definition) => definition.key === 'cluster-individual-titles')!;
    const versionId = (await t.http().get(`/api/v1/workflow-definitions/${builtIn.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
    campaignId = (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name: 'Bình xét danh hiệu cá nhân 2020 (trang)', year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;
  }, 180_000);
  afterAll(() => t?.close());

  const taskOf = async (auth: Auth, stageKey: string): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    return inbox.tasks.find((task: { stageKey: string }) => task.stageKey === stageKey).id;
  };
  const eligibility = async (code: string, title: string): Promise<Candidate[]> =>
    (await t.http().get('/api/v1/eligibility').query({ unitId: unitIds.get(code), year: 2020, title }).set(pact.admin).expect(200)).body.candidates;

  it('lets an officer propose from the task page, refusing an ineligible tick with its reasons and keeping the ticks', async () => {
    const task = await taskOf(officers.get('VKS-HTI')!, 'propose');
    const inbox = await pages.page('hatinh.canbo', '/inbox');
    expect(inbox).toContain(`/inbox/tasks/${task}/proposals`);
    expect(inbox).toContain('Chọn người đề nghị');

    const path = `/inbox/tasks/${task}/proposals`;
    const page = await pages.page('hatinh.canbo', path);
    expect(page).toContain('Lao động tiên tiến');
    expect(page).toContain('Chiến sĩ thi đua cơ sở');
    expect(page).toContain('Viện kiểm sát nhân dân tỉnh Hà Tĩnh');
    const ldtt = await eligibility('VKS-HTI', 'LDTT');
    const ineligible = ldtt.find((candidate) => !candidate.eligible)!;
    const eligible = ldtt.filter((candidate) => candidate.eligible);
    // Only the eligible can be ticked.
    expect(page).toContain(`value="LDTT:${eligible[0].id}"`);
    expect(page).not.toContain(`value="LDTT:${ineligible.id}"`);
    expect(page).toContain(ineligible.name);

    // A forged tick of the ineligible one: refused with the reasons, the other tick kept, nothing recorded.
    const refused = await pages.post('hatinh.canbo', path, { candidate: [`LDTT:${eligible[0].id}`, `LDTT:${ineligible.id}`] } as unknown as Record<string, string>, 422);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain(`Không thể đề nghị LĐTT năm 2020: ${ineligible.name}`);
    expect(refused.text).toMatch(/Lý do từ chối/);
    expect(refused.text).toMatch(new RegExp(`value="LDTT:${eligible[0].id}"[^>]*checked`));
    expect(await orm().count(CommendationProposal, { unit: unitIds.get('VKS-HTI'), year: 2020 })).toBe(0);

    // Two eligible people: recorded, the task done, the page lists them.
    await pages.post('hatinh.canbo', path, { candidate: eligible.slice(0, 2).map((candidate) => `LDTT:${candidate.id}`) } as unknown as Record<string, string>, 303);
    const done = await pages.page('hatinh.canbo', path);
    expect(done).toContain('Đơn vị đã gửi đề nghị.');
    for (const candidate of eligible.slice(0, 2)) expect(done).toContain(candidate.name);
    expect(done).not.toContain('<form method="post" action="/inbox/tasks/');
    // In English by the person's choice (the cookie).
    const english = await pages.get('hatinh.canbo', path, 200, 'en');
    expect(english.text).toContain('The unit has sent its proposals.');
    expect(english.text).toContain('Advanced Worker');
    // Another unit's officer cannot read it.
    await pages.get('nghean.canbo', path, 403);
  });

  it('lets a council member vote in person on the poll page, completing the member’s task', async () => {
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-QBI', 'VKS-QTR', 'VKS-TTH']) {
      await t.http().post(`/api/v1/tasks/${await taskOf(officers.get(code)!, 'propose')}/proposals`).set(officers.get(code)!).send({ proposals: [] }).expect(200);
    }
    const member = await bearerFor(t, 'tdkt.vutruong');
    const task = await taskOf(member, 'council-review');
    const campaign = await orm().findOneOrFail(Campaign, campaignId);
    const pollId = Object.values(campaign.context.polls as Record<string, string>)[0];
    const ballotPage = await t.http().get(`/inbox/tasks/${task}/ballot`).set('Cookie', (await pages.session('tdkt.vutruong')).cookie).expect(303);
    expect(ballotPage.headers.location).toBe(`/polls/${pollId}`);
    const poll = await pages.page('tdkt.vutruong', `/polls/${pollId}`);
    expect(poll).toContain('Bạn bỏ phiếu với tư cách cá nhân');
    const proposals = await orm().find(CommendationProposal, { pollId });
    expect(proposals).toHaveLength(2);
    for (const proposal of proposals) expect(poll).toContain(`value="${proposal.id}"`);
    // An officer is no member of the council's electorate.
    expect(await pages.page('hatinh.canbo', `/polls/${pollId}`)).toContain('Bạn không có tên trong danh sách biểu quyết');

    // The council's review page lists the campaign's review and sends its members to the poll's page.
    const review = await pages.page('tdkt.vutruong', '/commendations/council-review?year=2020');
    expect(review).toContain(`href="/polls/${pollId}"`);
    expect(review).not.toContain(`action="/commendations/council-review/${pollId}/ballot"`);
    await pages.post('tdkt.vutruong', `/commendations/council-review/${pollId}/ballot`, { candidate: proposals[0].id }, 409);

    await pages.post('tdkt.vutruong', `/polls/${pollId}/ballot`, { candidate: proposals[0].id }, 303);
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(member).expect(200)).body;
    expect(inbox.tasks.find((candidate: { id: string }) => candidate.id === task)).toBeUndefined();
    const status = (await t.http().get(`/api/v1/polls/${pollId}`).set(pact.admin).expect(200)).body;
    expect(status.progress.voted).toBe(1);
  });
});
