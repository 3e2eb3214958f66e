import { MikroORM } from '@mikro-orm/core';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

const UNITS = CLUSTER_6_UNITS;
/** Proposals made before giving up finding a pair whose ids sort against their proposal order. */
const MAX_PROPOSALS = 20;

/**
 * The discussion's close decides amendments in the order proposed, never in the order of the campaign context's keys
 * (PostgreSQL's jsonb sorts them, SQLite keeps them as written). Two accepted amendments of one clause conflict and the
 * first proposed must win; the context is rewritten so that its key order puts the later one first on both databases.
 */
describe('discussion close: accepted amendments are decided in the order proposed, whatever the context key order (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  const officers = new Map<string, Auth>();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    for (const [slug, code] of UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
  }, 120_000);
  afterAll(() => t?.close());

  it('merges the earlier of two conflicting accepted amendments when the context lists the later one first', async () => {
    const { admin, head } = pact;
    const { campaignId, documentId } = await pact.launchToDiscussion('Giao ước 2020 – thứ tự đề xuất');
    const propose = async (index: number) =>
      (await t.http().post(`/api/v1/campaigns/${campaignId}/amendments`).set(officers.get('VKS-HTI')!).set('X-Acting-Unit', 'VKS-HTI')
        .send({ baseVersion: 1, kind: 'replace', clauseId: 'c-2', text: `Tỷ lệ kiến nghị được chấp nhận đạt từ ${70 + index}% trở lên.`, justification: `Phương án ${index}.` })
        .expect(201)).body as { amendment: { id: string; number: number }; pollId: string };

    // Two proposals, the later one's id sorting before the earlier's: jsonb's key order (same length, then bytes) puts
    // the later first. Any earlier proposal will do, so a pair turns up with the second proposal half the time and is
    // all but certain by the tenth (the ids of n proposals all rise with odds 1/n!), whatever the first id is.
    const proposed: Array<Awaited<ReturnType<typeof propose>> & { index: number }> = [];
    let pair: { earlier: (typeof proposed)[number]; later: (typeof proposed)[number] } | undefined;
    for (let index = 1; index <= MAX_PROPOSALS && !pair; index++) {
      const next = { ...(await propose(index)), index };
      const earlier = proposed.find((candidate) => next.amendment.id < candidate.amendment.id);
      if (earlier) pair = { earlier, later: next };
      proposed.push(next);
    }
    expect(pair).toBeDefined();
    const { earlier, later } = pair!;
    for (const poll of [earlier.pollId, later.pollId]) {
      for (const [, code] of UNITS) await t.http().post(`/api/v1/polls/${poll}/ballots`).set(officers.get(code)!).set('X-Acting-Unit', code).send({ choice: 'agree' }).expect(201);
    }

    // The context written with the later amendment's key first (SQLite keeps this order; jsonb sorts it the same way).
    const em = t.app.get(MikroORM).em.fork();
    const campaign = await em.findOneOrFail(Campaign, campaignId);
    const polls = campaign.context.amendmentPolls as Record<string, string>;
    const reordered = Object.fromEntries(Object.entries(polls).sort(([a], [b]) => (a === later.amendment.id ? -1 : b === later.amendment.id ? 1 : 0)));
    await em.nativeUpdate(Campaign, { id: campaignId }, { context: { ...campaign.context, amendmentPolls: reordered } });
    const stored = await t.app.get(MikroORM).em.fork().findOneOrFail(Campaign, campaignId);
    const keyOrder = Object.keys(stored.context.amendmentPolls as Record<string, string>);
    expect(keyOrder.indexOf(later.amendment.id)).toBeLessThan(keyOrder.indexOf(earlier.amendment.id));

    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(head).expect(200)).body;
    const discussion = inbox.tasks.find((task: { stageKey: string }) => task.stageKey === 'discussion');
    await t.http().post(`/api/v1/tasks/${discussion.id}/commands`).set(head).send({ command: 'close' }).expect(200);

    expect((await t.http().get(`/api/v1/amendments/${earlier.amendment.id}`).set(admin).expect(200)).body).toMatchObject({ status: 'merged', mergedIntoVersion: 2 });
    const refused = (await t.http().get(`/api/v1/amendments/${later.amendment.id}`).set(admin).expect(200)).body;
    expect(refused.status).toBe('rejected');
    expect(refused.decisionNote).toContain('AMENDMENT_CONFLICT');
    const v2 = (await t.http().get(`/api/v1/documents/${documentId}/versions/2`).set(admin).expect(200)).body;
    expect(v2.content.clauses[1].text).toContain(`${70 + earlier.index}%`);
  }, 300_000);
});
