import { MikroORM } from '@mikro-orm/core';
import { CommendationProposal } from '../../src/modules/commendations/entities/commendation-proposal.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

interface Reason {
  rule: string;
  met: boolean | 'pending-vote';
  text: string;
}
interface Candidate {
  id: string;
  name: string;
  eligible: boolean;
  reasons: Reason[];
}

/**
 * Item 4 of the commendations issue as a campaign: the built-in `cluster-individual-titles` workflow for Cluster No. 6
 * in 2020. Each member unit proposes its people (the demo's staff records) for LĐTT and CSTĐCS through its propose
 * task; ineligible candidates and a cap are refused with reasons and nothing is stored; the council reviews every
 * proposal by the 2020 pack's rule (secret, at least 4/5 of its members); the decision awards those passed.
 */
describe('individual titles at year end as a campaign (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let campaignId: string;
  const officers = new Map<string, Auth>();
  const unitIds = new Map<string, string>();
  const council: Array<[string, Auth]> = [];
  const orm = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
    for (const username of ['tdkt.vutruong', 'tdkt.chuyenvien']) council.push([username, await bearerFor(t, username)]);
    for (const unit of await orm().find(Unit, {})) unitIds.set(unit.code, unit.id);
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const builtIn = definitions.find((definition) => definition.key === 'cluster-individual-titles');
    if (!builtIn) throw new Error('the built-in workflow cluster-individual-titles is not published');
    const versionId = (await t.http().get(`/api/v1/workflow-definitions/${builtIn.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
    campaignId = (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name: 'Bình xét danh hiệu cá nhân 2020', year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;
  }, 180_000);
  afterAll(() => t?.close());

  async function ownTask(auth: Auth, stageKey: string): Promise<string> {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    if (!task) throw new Error(`no open task of stage ${stageKey}`);
    return task.id;
  }
  const eligibility = async (code: string, title: string): Promise<Candidate[]> =>
    (await t.http().get('/api/v1/eligibility').query({ unitId: unitIds.get(code), year: 2020, title }).set(pact.admin).expect(200)).body.candidates;
  const propose = (code: string, taskId: string, proposals: Array<{ title: string; candidates: Array<{ personId: string }> }>) =>
    t.http().post(`/api/v1/tasks/${taskId}/proposals`).set(officers.get(code)!).send({ proposals });
  const stored = async (code: string) => orm().count(CommendationProposal, { unit: unitIds.get(code), year: 2020 });

  it('refuses ineligible candidates, a title the stage does not take and another unit’s people, storing nothing', async () => {
    const task = await ownTask(officers.get('VKS-QBI')!, 'propose');
    const ldtt = await eligibility('VKS-QBI', 'LDTT');
    const ineligible = ldtt.find((candidate) => !candidate.eligible)!;
    const eligible = ldtt.filter((candidate) => candidate.eligible);
    expect(ineligible).toBeDefined();
    expect(eligible.length).toBeGreaterThanOrEqual(2);
    const before = await stored('VKS-QBI');

    const refused = await propose('VKS-QBI', task, [{ title: 'LDTT', candidates: [{ personId: eligible[0].id }, { personId: ineligible.id }] }]).expect(422);
    expect(refused.body.code).toBe('PROPOSAL_INELIGIBLE');
    expect(refused.body.message).toContain(ineligible.name);
    expect(refused.body.details).toEqual([expect.objectContaining({ id: ineligible.id, name: ineligible.name, reasons: expect.arrayContaining([expect.stringContaining('2020')]) })]);

    const wrongTitle = await propose('VKS-QBI', task, [{ title: 'CSTD-NGANH', candidates: [{ personId: eligible[0].id }] }]).expect(422);
    expect(wrongTitle.body).toMatchObject({ code: 'PROPOSAL_TITLE_NOT_IN_STAGE' });
    expect(wrongTitle.body.message).toContain('LDTT, CSTDCS');

    const stranger = (await eligibility('VKS-NAN', 'LDTT'))[0];
    const notInUnit = await propose('VKS-QBI', task, [{ title: 'LDTT', candidates: [{ personId: stranger.id }] }]).expect(422);
    expect(notInUnit.body.code).toBe('CANDIDATE_NOT_IN_UNIT');
    expect(notInUnit.body.message).toContain(stranger.name);

    // Another unit's officer cannot answer Quảng Bình's task.
    expect((await t.http().post(`/api/v1/tasks/${task}/proposals`).set(officers.get('VKS-NAN')!).set('X-Acting-Unit', 'VKS-NAN').send({ proposals: [] }).expect(403)).body.code).toBe('NOT_TASK_ASSIGNEE');

    expect(await stored('VKS-QBI')).toBe(before);
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(officers.get('VKS-QBI')!).expect(200)).body;
    expect(inbox.tasks.find((candidate: { id: string }) => candidate.id === task).status).toBe('open');
  });

  it('records a unit’s proposals once under concurrent submissions, CSTĐCS counting the LĐTT proposed with it', async () => {
    const task = await ownTask(officers.get('VKS-QBI')!, 'propose');
    const ldtt = (await eligibility('VKS-QBI', 'LDTT')).filter((candidate) => candidate.eligible);
    // CSTĐCS: someone whose only unmet ground is this year's LĐTT, which the same answer proposes first.
    const cstdcs = (await eligibility('VKS-QBI', 'CSTDCS')).find((candidate) => {
      const unmet = candidate.reasons.filter((reason) => reason.met === false);
      return unmet.length === 1 && /Lao động tiên tiến năm 2020/.test(unmet[0].text) && ldtt.some((l) => l.id === candidate.id);
    });
    expect(cstdcs).toBeDefined();
    // The 2020 pack caps CSTĐCS at 15% of the unit's LĐTT, rounded down: two LĐTT leave room for none.
    const two = [cstdcs!.id, ldtt.find((candidate) => candidate.id !== cstdcs!.id)!.id];
    const capped = await propose('VKS-QBI', task, [
      { title: 'LDTT', candidates: two.map((personId) => ({ personId })) },
      { title: 'CSTDCS', candidates: [{ personId: cstdcs!.id }] },
    ]).expect(422);
    expect(capped.body).toMatchObject({ code: 'CAP_EXCEEDED', details: { limit: 0, proposed: 1 } });
    expect(capped.body.message).toContain('15%');
    expect(await stored('VKS-QBI')).toBe(0);

    // Everyone eligible for LĐTT (at least seven: 15% of 7 rounds down to one CSTĐCS).
    expect(ldtt.length).toBeGreaterThanOrEqual(7);
    const chosen = ldtt.map((candidate) => candidate.id);
    // CSTĐCS listed first: the stage's order (LĐTT, then CSTĐCS) is what counts.
    const answer = [
      { title: 'CSTDCS', candidates: [{ personId: cstdcs!.id }] },
      { title: 'LDTT', candidates: chosen.map((personId) => ({ personId })) },
    ];
    const responses = await Promise.all(Array.from({ length: 4 }, () => propose('VKS-QBI', task, answer)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const made = responses.find((response) => response.status === 200)!.body.proposals as Array<{ title: string; candidate: { id: string }; eligible: boolean }>;
    expect(made.map((p) => `${p.title}:${p.candidate.id}`).sort()).toEqual([...chosen.map((id) => `LDTT:${id}`), `CSTDCS:${cstdcs!.id}`].sort());
    expect(made.every((p) => p.eligible)).toBe(true);
    expect(await stored('VKS-QBI')).toBe(chosen.length + 1);
    const read = (await t.http().get(`/api/v1/tasks/${task}/proposals`).set(officers.get('VKS-QBI')!).expect(200)).body;
    expect(read.proposals).toHaveLength(chosen.length + 1);
    // The register's own council vote leaves the campaign's proposals to the campaign's review.
    expect((await t.http().post('/api/v1/commendation-proposals/council-votes').set(pact.admin).send({ year: 2020, title: 'LDTT' }).expect(409)).body.code).toBe('PROPOSALS_NOTHING_TO_VOTE');
    // The history records the answer by its proposals, once.
    const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(pact.admin).expect(200)).body as Array<{ type: string }>;
    expect(history.filter((event) => event.type === 'proposals.submitted')).toHaveLength(1);
  });

  it('puts every proposal to the council by the pack’s rule, and the decision awards those it passed', async () => {
    // Thanh Hóa proposes one person for LĐTT; the others propose nobody.
    const tha = (await eligibility('VKS-THA', 'LDTT')).find((candidate) => candidate.eligible)!;
    await propose('VKS-THA', await ownTask(officers.get('VKS-THA')!, 'propose'), [{ title: 'LDTT', candidates: [{ personId: tha.id }] }]).expect(200);
    for (const code of ['VKS-NAN', 'VKS-HTI', 'VKS-QTR', 'VKS-TTH']) {
      await propose(code, await ownTask(officers.get(code)!, 'propose'), []).expect(200);
    }
    const campaign = await orm().findOneOrFail(Campaign, campaignId);
    const pollId = Object.values(campaign.context.polls as Record<string, string>)[0];
    const poll = (await t.http().get(`/api/v1/polls/${pollId}`).set(pact.admin).expect(200)).body;
    expect(poll).toMatchObject({ electorate: { kind: 'people' }, rule: { ballot: 'secret', denominator: 'members', threshold: { numerator: 4, denominator: 5 }, comparison: '>=' } });
    const proposals = await orm().find(CommendationProposal, { year: 2020, pollId }, { populate: ['person'] });
    expect(proposals).toHaveLength((await stored('VKS-QBI')) + 1);
    expect(proposals.every((p) => p.status === 'in-vote')).toBe(true);
    expect(poll.candidates.map((c: { label: string }) => c.label)).toEqual(expect.arrayContaining([expect.stringMatching(/ — Viện kiểm sát nhân dân tỉnh Quảng Bình — CSTĐCS$/)]));

    // Both members pass everything but Thanh Hóa's LĐTT, which one member leaves out (1/2 < 4/5).
    const thaProposal = proposals.find((p) => p.person?.id === tha.id)!;
    const passed = proposals.filter((p) => p.id !== thaProposal.id).map((p) => p.id);
    const [[, first], [, second]] = council;
    await t.http().post(`/api/v1/tasks/${await ownTask(first, 'council-review')}/ballot`).set(first).send({ candidateIds: [...passed, thaProposal.id] }).expect(200);
    await t.http().post(`/api/v1/tasks/${await ownTask(second, 'council-review')}/ballot`).set(second).send({ candidateIds: passed }).expect(200);

    // The review belongs to the campaign: the register's own decision route refuses it.
    const outside = await t.http().post(`/api/v1/commendation-proposals/council-votes/${pollId}/decision`).set(pact.admin).send({ number: '40/QĐ-VKS', signedOn: '2020-12-29', issuer: 'Viện trưởng' }).expect(409);
    expect(outside.body.code).toBe('PROPOSALS_IN_CAMPAIGN');
    const decisionTask = await ownTask(pact.admin, 'decision');
    const decided = await t.http().post(`/api/v1/tasks/${decisionTask}/decision`).set(pact.admin).send({ number: '41/QĐ-VKS', signedOn: '2020-12-29', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao' }).expect(200);
    expect(decided.body.number).toBe('41/QĐ-VKS');
    const register = (await t.http().get('/api/v1/commendations').query({ year: 2020 }).set(pact.admin).expect(200)).body.items as Array<{ recipient: { name: string }; title: { code: string; name?: string }; decision: { number: string } }>;
    const awarded = register.filter((entry) => entry.decision.number === '41/QĐ-VKS');
    expect(awarded).toHaveLength(passed.length);
    expect(awarded.filter((entry) => entry.title.code === 'CSTDCS')).toHaveLength(1);
    expect(awarded.some((entry) => entry.recipient.name === tha.name)).toBe(false);

    const settled = await orm().find(CommendationProposal, { pollId }, { populate: ['decision'] });
    expect(settled.filter((p) => p.status === 'awarded').map((p) => p.id).sort()).toEqual([...passed].sort());
    expect(settled.find((p) => p.id === thaProposal.id)).toMatchObject({ status: 'not-awarded' });
    expect(settled.every((p) => p.decision?.number === '41/QĐ-VKS')).toBe(true);
    expect((await orm().findOneOrFail(Campaign, campaignId)).status).toBe('completed');
  });
});
