import { Clock } from '../../src/modules/calendar/clock';
import { RecoverySweeper } from '../../src/workflows/engine/recovery-sweeper.service';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture, SECRET_PACT_WORKFLOW } from '../support/cluster-pact';
import { pactDraft2020 } from '../support/pact-draft';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

const UNITS = CLUSTER_6_UNITS;

describe('cluster-pact: draft → discussion with an amendment → adoption vote (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let admin: Auth;
  let head: Auth;
  let clusterId: string;
  const officers = new Map<string, Auth>();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    ({ admin, head, clusterId } = pact);
    for (const [slug, code] of UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
  });
  afterAll(() => t?.close());

  const openTask = async (auth: Auth, campaignId: string, stageKey: string): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    expect(task).toBeDefined();
    return task.id;
  };
  const detail = async (campaignId: string) => (await t.http().get(`/api/v1/campaigns/${campaignId}`).set(admin).expect(200)).body;
  const deliberation = async (campaignId: string) => (await t.http().get(`/api/v1/campaigns/${campaignId}/deliberation`).set(admin).expect(200)).body;

  const toDiscussion = (name: string) => pact.launchToDiscussion(name);

  it('Cluster 6 discusses the 2020 draft, adopts one amendment into version 2 and version 2 by 5 of 6, with the arithmetic', async () => {
    const { campaignId, documentId } = await toDiscussion('Giao ước thi đua năm 2020 – Cụm 6');
    const v1 = (await t.http().get(`/api/v1/documents/${documentId}`).set(officers.get('VKS-HTI')!).expect(200)).body.latest;
    expect(v1).toMatchObject({ number: 1 });
    expect((await detail(campaignId)).activeStages).toEqual(['discussion']);

    // Hà Tĩnh proposes to raise clause 2's target; the amendment's vote opens at once.
    const proposed = await t.http()
      .post(`/api/v1/campaigns/${campaignId}/amendments`)
      .set(officers.get('VKS-HTI')!)
      .set('X-Acting-Unit', 'VKS-HTI')
      .send({ baseVersion: 1, kind: 'replace', clauseId: 'c-2', text: 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.', justification: 'Nâng chỉ tiêu cho phù hợp kết quả năm 2019.' })
      .expect(201);
    const amendmentPoll: string = proposed.body.pollId;
    expect(proposed.body.amendment).toMatchObject({ status: 'proposed', number: 1 });
    expect((await deliberation(campaignId)).amendmentPolls).toEqual({ [proposed.body.amendment.id]: amendmentPoll });
    // Every other member unit is told to vote; all of them were told the discussion opened.
    const notices = (await t.http().get('/api/v1/notifications').set(officers.get('VKS-QBI')!).expect(200)).body as Array<{ kind: string; campaignId: string }>;
    expect(notices.filter((n) => n.campaignId === campaignId).map((n) => n.kind).sort()).toEqual(['amendment', 'discussion']);
    expect((await t.http().get('/api/v1/notifications').set(officers.get('VKS-HTI')!).expect(200)).body.filter((n: { kind: string; campaignId: string }) => n.campaignId === campaignId && n.kind === 'amendment')).toEqual([]);
    for (const [, code] of UNITS) {
      const choice = code === 'VKS-QTR' ? 'disagree' : 'agree';
      await t.http().post(`/api/v1/polls/${amendmentPoll}/ballots`).set(officers.get(code)!).set('X-Acting-Unit', code).send({ choice }).expect(201);
    }

    // Hà Tĩnh also opens a thread on clause 2 while the discussion is open.
    const hatinh = officers.get('VKS-HTI')!;
    const thread = (await t.http().post(`/api/v1/documents/${documentId}/threads`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI')
      .send({ clauseId: 'c-2', title: 'Chỉ tiêu kiến nghị', body: 'Đề nghị các đơn vị cho ý kiến về chỉ tiêu 75%.' }).expect(201)).body;
    const firstComment = thread.comments[0];

    // The head closes the discussion: the amendment is decided by its vote and merged into version 2.
    const discussionTask = await openTask(head, campaignId, 'discussion');
    await t.http().post(`/api/v1/tasks/${discussionTask}/commands`).set(head).send({ command: 'close' }).expect(200);
    const amendment = (await t.http().get(`/api/v1/amendments/${proposed.body.amendment.id}`).set(admin).expect(200)).body;
    expect(amendment).toMatchObject({ status: 'merged', mergedIntoVersion: 2, pollId: amendmentPoll });
    const v2 = (await t.http().get(`/api/v1/documents/${documentId}/versions/2`).set(admin).expect(200)).body;
    expect(v2.changelog.amendments.map((entry: { amendmentId: string }) => entry.amendmentId)).toEqual([amendment.id]);
    const diff = (await t.http().get(`/api/v1/documents/${documentId}/diff?from=1&to=2`).set(admin).expect(200)).body;
    expect(JSON.stringify(diff)).toContain('75%');
    expect((await detail(campaignId)).activeStages).toEqual(['adoption']);

    // Too late for amendments, through the campaign or through the document itself: the campaign's discussion decides.
    const lateProposal = { baseVersion: 2, kind: 'delete', clauseId: 'c-4', justification: 'Trùng nội dung.' };
    const late = await t.http().post(`/api/v1/campaigns/${campaignId}/amendments`).set(officers.get('VKS-NAN')!).set('X-Acting-Unit', 'VKS-NAN').send(lateProposal).expect(409);
    expect(late.body.code).toBe('DISCUSSION_NOT_OPEN');
    const lateOnDocument = await t.http().post(`/api/v1/documents/${documentId}/amendments`).set(officers.get('VKS-NAN')!).set('X-Acting-Unit', 'VKS-NAN').send(lateProposal).expect(409);
    expect(lateOnDocument.body.code).toBe('DISCUSSION_NOT_OPEN');
    // Nor threads, comments, edits or a thread's status: the discussion has ended, and its record stays as it was.
    const closedWrites = [
      t.http().post(`/api/v1/documents/${documentId}/threads`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI').send({ title: 'Muộn', body: 'Ý kiến sau khi kết thúc thảo luận.' }),
      t.http().post(`/api/v1/threads/${thread.id}/comments`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI').send({ body: 'Góp ý muộn.' }),
      t.http().patch(`/api/v1/comments/${firstComment.id}`).set(hatinh).send({ body: 'Sửa sau khi kết thúc.' }),
      t.http().patch(`/api/v1/threads/${thread.id}`).set(hatinh).send({ status: 'resolved' }),
    ];
    for (const refused of await Promise.all(closedWrites)) {
      expect([refused.status, refused.body.code]).toEqual([409, 'DISCUSSION_CLOSED']);
      expect(refused.body.message).toContain('Giao ước thi đua năm 2020 – Cụm 6');
    }
    const kept = (await t.http().get(`/api/v1/threads/${thread.id}`).set(admin).expect(200)).body;
    expect(kept).toMatchObject({ status: 'open', comments: [{ id: firstComment.id, body: firstComment.body }] });
    expect((await t.http().get(`/api/v1/documents/${documentId}/threads`).set(admin).expect(200)).body.total).toBe(1);

    // The adoption vote binds version 2 by its hash; each unit votes through its task.
    const { polls } = await deliberation(campaignId);
    const adoptionPoll = Object.values(polls)[0] as string;
    const status = (await t.http().get(`/api/v1/polls/${adoptionPoll}`).set(admin).expect(200)).body;
    expect(status.subject).toMatchObject({ kind: 'document-version', hash: v2.contentHash });
    const wrongText = await t.http().post(`/api/v1/tasks/${await openTask(officers.get('VKS-HTI')!, campaignId, 'adoption')}/ballot`).set(officers.get('VKS-HTI')!)
      .send({ choice: 'agree', subjectHash: v1.contentHash }).expect(409);
    expect(wrongText.body.code).toBe('POLL_SUBJECT_CHANGED');

    const receipts: string[] = [];
    for (const [index, [, code]] of UNITS.entries()) {
      const auth = officers.get(code)!;
      const task = await openTask(auth, campaignId, 'adoption');
      const choice = code === 'VKS-QTR' ? 'disagree' : 'agree';
      if (index === 0) {
        // A changed ballot counts once: VKS-THA first disagrees, then agrees.
        await t.http().post(`/api/v1/tasks/${task}/ballot`).set(auth).send({ choice: 'disagree', subjectHash: v2.contentHash }).expect(200);
      }
      const receipt = (await t.http().post(`/api/v1/tasks/${task}/ballot`).set(auth).send({ choice, subjectHash: v2.contentHash }).expect(200)).body;
      expect(receipt).toMatchObject({ pollId: adoptionPoll, subjectHash: v2.contentHash, auditEntry: receipt.receipt, auditNonce: null });
      receipts.push(receipt.receipt);
      if (index < UNITS.length - 1) expect((await t.http().get(`/api/v1/polls/${adoptionPoll}`).set(admin).expect(200)).body.progress).toMatchObject({ voted: index + 1, members: 6 });
    }

    // Everyone voted: the poll closed, 5 of 6 agree, the pact is adopted and the units go on to register their titles.
    const campaign = await detail(campaignId);
    expect(campaign.activeStages).toEqual(['registration']);
    expect(campaign.stages.find((s: { stageKey: string }) => s.stageKey === 'adoption').outcome).toBe('passed');
    const result = (await t.http().get(`/api/v1/polls/${adoptionPoll}/result`).set(admin).expect(200)).body;
    expect(result).toMatchObject({ outcome: 'passed', agree: 5, disagree: 1, members: 6, ballots: 6 });
    expect(result.explanation.vi).toBe('5/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 10 > 6 → thông qua');
    const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(admin).expect(200)).body;
    const events = (Array.isArray(history) ? history : history.items) as Array<{ type: string; data: Record<string, unknown> }>;
    expect(events.filter((e) => e.type === 'ballot.cast').map((e) => e.data.receipt)).toEqual(expect.arrayContaining(receipts));
    expect(events.find((e) => e.type === 'poll.closed' && e.data.pollId === adoptionPoll)?.data).toMatchObject({ outcome: 'passed' });
    expect(events.find((e) => e.type === 'amendment.decided')?.data).toMatchObject({ decision: 'accepted', outcome: 'passed' });
    expect(events.find((e) => e.type === 'document.versioned')?.data).toMatchObject({ version: 2, hash: v2.contentHash });
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/verify`).set(admin).expect(200)).body).toMatchObject({ intact: true });

    // The adopted pact takes no amendment through its document's route either (it answered 201), and none is recorded.
    const afterAdoption = await t.http().post(`/api/v1/documents/${documentId}/amendments`).set(officers.get('VKS-NAN')!).set('X-Acting-Unit', 'VKS-NAN').send(lateProposal).expect(409);
    expect(afterAdoption.body.code).toBe('DISCUSSION_NOT_OPEN');
    const recorded = (await t.http().get(`/api/v1/documents/${documentId}/amendments`).set(admin).expect(200)).body;
    expect(recorded.items.map((item: { id: string }) => item.id)).toEqual([amendment.id]);
  });

  it("a proposal on a campaign's document during its discussion is the campaign's: its vote opens at once", async () => {
    const { campaignId, documentId } = await toDiscussion('Giao ước 2020 – sửa đổi qua văn bản');
    const proposed = await t.http().post(`/api/v1/documents/${documentId}/amendments`).set(officers.get('VKS-QBI')!).set('X-Acting-Unit', 'VKS-QBI')
      .send({ baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Trùng nội dung.' }).expect(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', number: 1 });
    expect(Object.keys((await deliberation(campaignId)).amendmentPolls)).toEqual([proposed.body.id]);
  });

  it('a failed adoption goes back to discussion; a ballot outside the electorate or after the close is refused', async () => {
    const { campaignId } = await toDiscussion('Giao ước thi đua năm 2020 – lần hai');
    await t.http().post(`/api/v1/tasks/${await openTask(head, campaignId, 'discussion')}/commands`).set(head).send({ command: 'close' }).expect(200);
    const { polls } = await deliberation(campaignId);
    const poll = Object.values(polls)[0] as string;
    // An administrator is no member unit.
    expect((await t.http().post(`/api/v1/polls/${poll}/ballots`).set(admin).send({ choice: 'agree' }).expect((r) => expect([400, 403]).toContain(r.status))).body.code).toMatch(/ACTING_UNIT_REQUIRED|NOT_IN_ELECTORATE|NOT_MANDATED/);
    for (const [, code] of UNITS) {
      const auth = officers.get(code)!;
      const choice = code === 'VKS-THA' || code === 'VKS-NAN' ? 'agree' : 'disagree';
      await t.http().post(`/api/v1/tasks/${await openTask(auth, campaignId, 'adoption')}/ballot`).set(auth).send({ choice }).expect(200);
    }
    const campaign = await detail(campaignId);
    expect(campaign.stages.find((s: { stageKey: string }) => s.stageKey === 'adoption').outcome).toBe('failed');
    expect(campaign.activeStages).toEqual(['discussion']);
    expect((await t.http().post(`/api/v1/polls/${poll}/ballots`).set(officers.get('VKS-HTI')!).set('X-Acting-Unit', 'VKS-HTI').send({ choice: 'agree' }).expect(409)).body.code).toBe('POLL_CLOSED');
  });

  it('the recovery sweep closes an ad-hoc poll whose closing time passed, and leaves open ones alone', async () => {
    const units = (await t.http().get('/api/v1/units').set(admin).expect(200)).body;
    const unitIds = (Array.isArray(units) ? units : units.items).filter((u: { code: string }) => u.code.startsWith('VKS-') && u.code.length === 7).map((u: { id: string }) => u.id);
    const open = (closesAt: string) =>
      t.http().post('/api/v1/polls').set(admin).send({
        subject: { kind: 'candidates', id: `bình xét ${closesAt}`, hash: 'a'.repeat(64), label: 'Suy tôn đơn vị dẫn đầu cụm năm 2020' },
        electorate: { kind: 'units', unitIds: unitIds.slice(0, 6) },
        candidates: [{ id: 'VKS-HTI', label: 'VKSND tỉnh Hà Tĩnh' }, { id: 'VKS-NAN', label: 'VKSND tỉnh Nghệ An' }],
        rule: { denominator: 'members', threshold: '4/5', comparison: '>=', ballot: 'secret' },
        closesAt,
      }).expect(201);
    const clock = t.app.get(Clock);
    const past = (await open(new Date(clock.now().getTime() + 3_600_000).toISOString())).body.id;
    const future = (await open(new Date(clock.now().getTime() + 3 * 3_600_000).toISOString())).body.id;
    clock.advance(2 * 3_600_000);
    const report = await t.app.get(RecoverySweeper).sweep();
    expect(report.pollsClosed).toBeGreaterThanOrEqual(1);
    expect((await t.http().get(`/api/v1/polls/${past}`).set(admin).expect(200)).body.status).toBe('closed');
    expect((await t.http().get(`/api/v1/polls/${future}`).set(admin).expect(200)).body.status).toBe('open');
  });

  it('a secret adoption vote: the history hides who has voted until three ballots are in, and never holds a choice', async () => {
    const document = SECRET_PACT_WORKFLOW;
    const created = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'cluster-pact-secret', name: 'Giao ước (kín)', document }).expect(201);
    const secretVersion = (await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(admin).expect(201)).body.version.id;
    const campaignId = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: secretVersion, name: 'Giao ước kín', year: 2020, clusterId }).expect(201)).body.id;
    await t.http().post(`/api/v1/tasks/${await openTask(head, campaignId, 'draft')}/form/submit`).set(head).send({ data: pactDraft2020() }).expect(200);
    await t.http().post(`/api/v1/tasks/${await openTask(head, campaignId, 'discussion')}/commands`).set(head).send({ command: 'close' }).expect(200);

    const voted = async () => {
      const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(admin).expect(200)).body as Array<{ type: string; actor: Record<string, string> | null; data: Record<string, unknown> }>;
      return history.filter((e) => e.type === 'ballot.cast' || (e.type === 'task.completed' && e.data.stage === 'adoption'));
    };
    const receipts: Array<{ auditEntry: string; auditNonce: string; receipt: string }> = [];
    for (const [index, [, code]] of UNITS.slice(0, 3).entries()) {
      const auth = officers.get(code)!;
      receipts.push((await t.http().post(`/api/v1/tasks/${await openTask(auth, campaignId, 'adoption')}/ballot`).set(auth).send({ choice: 'agree' }).expect(200)).body);
      const events = await voted();
      expect(events).toHaveLength(2 * (index + 1));
      if (index < 2) {
        expect(events.every((e) => e.actor === null && e.data.redacted === true)).toBe(true);
        expect(JSON.stringify(events)).not.toContain(code);
      } else {
        expect(events.every((e) => e.actor !== null)).toBe(true);
      }
      expect(JSON.stringify(events)).not.toMatch(/"choice"|agree/);
    }
    // A secret receipt enters the chain salted: only its voter, holding the nonce, can find it there.
    const [first] = receipts;
    expect(first.auditNonce).toMatch(/^[0-9a-f]{32}$/);
    expect(first.auditEntry).not.toBe(first.receipt);
    expect((await voted()).map((e) => e.data.receipt)).toContain(first.auditEntry);
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/verify`).set(admin).expect(200)).body).toMatchObject({ intact: true });
  });

  it('two accepted amendments of the same clause: the first accepted wins, the other is refused as a conflict, the discussion still closes', async () => {
    const { campaignId, documentId } = await toDiscussion('Giao ước thi đua năm 2020 – hai đề xuất');
    const propose = async (code: string, text: string) =>
      (await t.http().post(`/api/v1/campaigns/${campaignId}/amendments`).set(officers.get(code)!).set('X-Acting-Unit', code)
        .send({ baseVersion: 1, kind: 'replace', clauseId: 'c-2', text, justification: 'Điều chỉnh chỉ tiêu.' }).expect(201)).body;
    const first = await propose('VKS-HTI', 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.');
    const second = await propose('VKS-NAN', 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 80% trở lên.');
    for (const poll of [first.pollId, second.pollId]) {
      for (const [, code] of UNITS) await t.http().post(`/api/v1/polls/${poll}/ballots`).set(officers.get(code)!).set('X-Acting-Unit', code).send({ choice: 'agree' }).expect(201);
    }
    await t.http().post(`/api/v1/tasks/${await openTask(head, campaignId, 'discussion')}/commands`).set(head).send({ command: 'close' }).expect(200);
    expect((await t.http().get(`/api/v1/amendments/${first.amendment.id}`).set(admin).expect(200)).body).toMatchObject({ status: 'merged', mergedIntoVersion: 2 });
    const refused = (await t.http().get(`/api/v1/amendments/${second.amendment.id}`).set(admin).expect(200)).body;
    expect(refused.status).toBe('rejected');
    expect(refused.decisionNote).toContain('AMENDMENT_CONFLICT');
    expect(refused.decisionNote).toContain('sửa đổi số 1');
    const v2 = (await t.http().get(`/api/v1/documents/${documentId}/versions/2`).set(admin).expect(200)).body;
    expect(v2.content.clauses[1].text).toContain('75%');
    expect((await detail(campaignId)).activeStages).toEqual(['adoption']);
  });
});
