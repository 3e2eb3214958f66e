import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import { Person } from '../../src/modules/org/entities/person.entity';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { SCANNED_PAGE, signingFlow, SigningFlow } from '../support/signing-flow';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { CALLERS, Caller, EXPECTED_OUTCOMES, formatMatrixRow, Outcome } from './authorization-matrix.table';

/**
 * The authorization matrix (issue 9, "Tests that keep it so"): every operation of the OpenAPI document
 * (GET /api/docs-json) called by six callers, against the checked-in table `authorization-matrix.table.ts`.
 * An operation without a row, or a row without an operation, fails the test by name; any 5xx fails it.
 *
 * Every caller acts for a unit of their own where they have one (`X-Acting-Unit`): the officer of VKS-HTI for it,
 * the officer of VKS-NAN for VKS-NAN (a valid mandate, another unit), the council member for the department,
 * the secretary (the officer of VKS-QTR with the secretary role granted here) for VKS-QTR; the administrator for none.
 * Task routes use VKS-HTI's own tasks, so "another unit" is refused by the task's owner check, not by a missing mandate.
 *
 * To see the whole observed table (e.g. after adding an operation), run with AUTHORIZATION_MATRIX_OUT=<file>:
 * it is written in the table's format, and each answer's status and error code beside it in `<file>.statuses`;
 * read them critically before copying rows into the table.
 */

/** Where a caller acts and who they are. */
interface CallerIdentity {
  auth?: Auth;
  actingUnit?: string;
}

interface Observed {
  outcome: Outcome | '5xx';
  status: number;
  code?: string;
}

/** The values path parameters take: real ids of the fixture where it has them, else a random UUID (404 past the guard). */
interface Fixture {
  voteCampaignId: string;
  documentId: string;
  /** VKS-HTI's adoption-vote task (cluster-pact at its adoption vote, after the discussion closed). */
  voteTaskId: string;
  /** VKS-HTI's title-registration form task (submitted) and sign task (open) of a campaign at its signing stage. */
  registrationTaskId: string;
  signTaskId: string;
  signingCampaignId: string;
  adoptionPollId: string;
  /** An ad-hoc poll the administrator may close without ending the campaign's vote. */
  spareAdhocPollId: string;
  amendmentId: string;
  threadId: string;
  commentId: string;
  notificationId: string;
  discussionNoticeId: string;
  workflowDefinitionId: string;
  workflowVersionId: string;
  formId: string;
  formVersionId: string;
  signerPersonId: string;
}

const ACTING_UNITS: Record<Caller, string | undefined> = {
  anonymous: undefined,
  officer: 'VKS-HTI',
  'other-officer': 'VKS-NAN',
  council: 'VKSNDTC-TDKT',
  secretary: 'VKS-QTR',
  admin: undefined,
};

/**
 * Bodies that pass validation, for the operations whose refusal of another unit (or of a non-author) is decided
 * by the service after the validation pipe: with `{}` their 400 would hide it. Everything else gets `{}`.
 */
const BODIES: Record<string, object> = {
  'POST /api/v1/tasks/{id}/commands': { command: 'approve' },
  'POST /api/v1/tasks/{id}/ballot': { choice: 'abstain' },
  'PUT /api/v1/tasks/{id}/form/draft': { data: {} },
  'POST /api/v1/tasks/{id}/form/submit': { data: {} },
  'POST /api/v1/tasks/{id}/form/review': { decision: 'accept' },
  'POST /api/v1/tasks/{id}/signing': { method: 'x509', statement: '{}', signature: 'AAAA' },
  'POST /api/v1/tasks/{id}/signing/decline': { reason: 'Ma trận phân quyền.' },
  'POST /api/v1/tasks/{id}/signing/paper': { scan: SCANNED_PAGE.toString('base64') },
  'POST /api/v1/tasks/{id}/signing/paper/dispute': { reason: 'Ma trận phân quyền.' },
  'POST /api/v1/campaigns/{id}/amendments': { baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Ma trận phân quyền.' },
  'POST /api/v1/documents/{documentId}/amendments': { baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Ma trận phân quyền.' },
  'POST /api/v1/documents/{documentId}/threads': { title: 'Ma trận phân quyền', body: 'Một ý kiến.' },
  // `open` (as it is): resolving the thread would close it to the comments of the next row.
  'PATCH /api/v1/threads/{id}': { status: 'open' },
  'PATCH /api/v1/comments/{id}': { body: 'Sửa bởi ma trận phân quyền.' },
  'POST /api/v1/threads/{id}/comments': { body: 'Ý kiến của ma trận phân quyền.' },
  'POST /api/v1/polls/{id}/ballots': { choice: 'abstain' },
  'POST /api/v1/polls/{id}/offline-ballots/confirm': { decision: 'confirm' },
};

/** Required query parameters, so that validation does not answer before the handler. */
const QUERIES: Record<string, string> = {
  'GET /api/v1/calendar/working-days': 'from=2020-01-02&add=1',
  'GET /api/v1/documents/{id}/diff': 'from=1&to=1',
};

/** Sign-out ends the caller's session: it runs after every other operation. */
const LAST = ['POST /api/v1/auth/sign-out'];

function parameterValue(operation: string, name: string, f: Fixture): string {
  const path = operation.split(' ')[1];
  if (name === 'number') return '1';
  if (name === 'year') return '2020';
  if (name === 'date') return '2020-09-02';
  if (path.startsWith('/api/v1/tasks/{id}/form')) return f.registrationTaskId;
  if (path.startsWith('/api/v1/tasks/{id}/signing')) return f.signTaskId;
  if (path === '/api/v1/polls/{id}/close') return f.spareAdhocPollId;
  const byResource: Array<[string, string]> = [
    ['/api/v1/tasks/{', f.voteTaskId],
    ['/api/v1/campaigns/{', f.voteCampaignId],
    ['/api/v1/documents/{', f.documentId],
    ['/api/v1/polls/{', f.adoptionPollId],
    ['/api/v1/amendments/{', f.amendmentId],
    ['/api/v1/threads/{', f.threadId],
    ['/api/v1/comments/{', f.commentId],
    ['/api/v1/notifications/{', f.notificationId],
    ['/api/v1/discussion-notices/{', f.discussionNoticeId],
    ['/api/v1/workflow-definitions/{', f.workflowDefinitionId],
    ['/api/v1/workflow-versions/{', f.workflowVersionId],
    ['/api/v1/forms/{', f.formId],
    ['/api/v1/form-versions/{', f.formVersionId],
    ['/api/v1/signing/people/{', f.signerPersonId],
  ];
  // Units, people, mandates, clusters, role grants and passkeys: an id nobody has, so no administrator's row archives,
  // revokes or deletes what the next rows need.
  return byResource.find(([prefix]) => path.startsWith(prefix))?.[1] ?? randomUUID();
}

describe('authorization matrix: every OpenAPI operation × six callers (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let flow: SigningFlow;
  let fixture: Fixture;
  const callers = new Map<Caller, CallerIdentity>();

  const inboxTask = async (auth: Auth, campaignId: string, stageKey: string, status = 'open'): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}&status=${status}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    if (!task) throw new Error(`no ${status} ${stageKey} task`);
    return task.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    flow = await signingFlow(t, pact);
    const { admin, head } = pact;
    const em = t.app.get(MikroORM).em.fork();
    const hatinh = flow.officers.get('VKS-HTI')!;

    // The secretary: a demo person (the officer of VKS-QTR) granted the role through the admin API.
    const secretaryPerson = await em.findOneOrFail(Person, { username: 'quangtri.canbo' });
    await t.http().post('/api/v1/role-grants').set(admin).send({ personId: secretaryPerson.id, role: 'secretary' }).expect(201);

    // A campaign at its adoption vote: VKS-HTI proposed an amendment and opened a thread during the discussion,
    // the head mentioned VKS-HTI, then closed the discussion, so every member unit has a vote task.
    const { campaignId: voteCampaignId, documentId } = await pact.launchToDiscussion('Ma trận phân quyền – biểu quyết');
    const proposed = await t.http().post(`/api/v1/campaigns/${voteCampaignId}/amendments`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI')
      .send({ baseVersion: 1, kind: 'delete', clauseId: 'c-4', justification: 'Trùng nội dung.' }).expect(201);
    const thread = await t.http().post(`/api/v1/documents/${documentId}/threads`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI')
      .send({ title: 'Điều 2', body: 'Đề nghị làm rõ chỉ tiêu.' }).expect(201);
    const threadId: string = thread.body.id;
    const comment = await t.http().post(`/api/v1/threads/${threadId}/comments`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI').send({ body: 'Bổ sung ý kiến.' }).expect(201);
    await t.http().post(`/api/v1/threads/${threadId}/comments`).set(head).set('X-Acting-Unit', 'VKS-THA').send({ body: 'Đề nghị @VKS-HTI nêu số liệu.' }).expect(201);
    await t.http().post(`/api/v1/tasks/${await inboxTask(head, voteCampaignId, 'discussion')}/commands`).set(head).send({ command: 'close' }).expect(200);
    const voteTaskId = await inboxTask(hatinh, voteCampaignId, 'adoption');
    const adoptionPollId = Object.values((await t.http().get(`/api/v1/campaigns/${voteCampaignId}/deliberation`).set(admin).expect(200)).body.polls)[0] as string;
    const notificationId: string = (await t.http().get('/api/v1/notifications').set(hatinh).expect(200)).body[0].id;
    const notices = (await t.http().get('/api/v1/discussion-notices').set(hatinh).expect(200)).body;
    const discussionNoticeId: string = (Array.isArray(notices) ? notices : notices.items)[0].id;

    // A campaign at its signing stage: VKS-HTI's registration is submitted and its sign task open.
    const { campaignId: signingCampaignId } = await flow.toSigning('Ma trận phân quyền – ký kết');
    const registrationTaskId = await inboxTask(hatinh, signingCampaignId, 'registration', 'all');
    const signTaskId = await inboxTask(flow.heads.get('VKS-HTI')!, signingCampaignId, 'signing');

    const unitIds = ((await t.http().get('/api/v1/units?limit=100').set(admin).expect(200)).body.items as Array<{ id: string; code: string }>)
      .filter((unit) => CLUSTER_6_UNITS.some(([, code]) => code === unit.code)).map((unit) => unit.id);
    const spareAdhocPollId: string = (await t.http().post('/api/v1/polls').set(admin).send({
      subject: { kind: 'candidates', id: 'ma-tran', hash: 'b'.repeat(64), label: 'Suy tôn đơn vị dẫn đầu' },
      electorate: { kind: 'units', unitIds },
      candidates: [{ id: 'VKS-HTI', label: 'VKSND tỉnh Hà Tĩnh' }],
      rule: { denominator: 'members', threshold: '1/2', comparison: '>', ballot: 'open' },
    }).expect(201)).body.id;

    const forms = (await t.http().get('/api/v1/forms').set(admin).expect(200)).body.items as Array<{ id: string }>;
    const formVersions = (await t.http().get(`/api/v1/forms/${forms[0].id}/versions`).set(admin).expect(200)).body.items as Array<{ id: string }>;
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.items as Array<{ id: string; key: string }>;

    fixture = {
      voteCampaignId,
      documentId,
      voteTaskId,
      registrationTaskId,
      signTaskId,
      signingCampaignId,
      adoptionPollId,
      spareAdhocPollId,
      amendmentId: proposed.body.amendment.id,
      threadId,
      commentId: comment.body.id,
      notificationId,
      discussionNoticeId,
      workflowDefinitionId: definitions.find((d) => d.key === 'cluster-pact')!.id,
      workflowVersionId: pact.versionId,
      formId: forms[0].id,
      formVersionId: formVersions[0].id,
      signerPersonId: flow.headIds.get('VKS-HTI')!,
    };

    const usernames: Record<Exclude<Caller, 'anonymous'>, string> = {
      officer: 'hatinh.canbo',
      'other-officer': 'nghean.canbo',
      council: 'tdkt.vutruong',
      secretary: 'quangtri.canbo',
      admin: 'admin',
    };
    callers.set('anonymous', {});
    for (const [caller, username] of Object.entries(usernames) as Array<[Caller, string]>) {
      callers.set(caller, { auth: await bearerFor(t, username), actingUnit: ACTING_UNITS[caller] });
    }
  });
  afterAll(() => {
    flow?.dispose();
    return t?.close();
  });

  const call = async (operation: string, caller: Caller): Promise<Observed> => {
    const [method, template] = operation.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => parameterValue(operation, name, fixture));
    const url = QUERIES[operation] ? `${path}?${QUERIES[operation]}` : path;
    const identity = callers.get(caller)!;
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (identity.auth) req = req.set(identity.auth);
    if (identity.actingUnit) req = req.set('X-Acting-Unit', identity.actingUnit);
    if (['POST', 'PUT', 'PATCH'].includes(method)) req = req.send(BODIES[operation] ?? {});
    const response = await req;
    const code = typeof response.body?.code === 'string' ? response.body.code : undefined;
    const outcome = response.status >= 500 ? '5xx' : response.status === 401 ? '401' : response.status === 403 ? '403' : 'allowed';
    return { outcome, status: response.status, code };
  };

  it('every operation has its row, and every caller gets what the table says (no 5xx)', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((method) => methods.includes(method)).map((method) => `${method.toUpperCase()} ${path}`));
    const ordered = [...operations.filter((op) => !LAST.includes(op)), ...LAST.filter((op) => operations.includes(op))];

    const missingRows = operations.filter((op) => !(op in EXPECTED_OUTCOMES));
    const staleRows = Object.keys(EXPECTED_OUTCOMES).filter((op) => !operations.includes(op));

    const observed = new Map<string, Observed[]>();
    for (const operation of ordered) {
      const row: Observed[] = [];
      for (const caller of CALLERS) row.push(await call(operation, caller));
      observed.set(operation, row);
    }

    if (process.env.AUTHORIZATION_MATRIX_OUT) {
      const lines = operations.map((op) => formatMatrixRow(op, observed.get(op)!.map((o) => (o.outcome === '5xx' ? 'allowed' : o.outcome))));
      writeFileSync(process.env.AUTHORIZATION_MATRIX_OUT, `${lines.join('\n')}\n`);
      const statuses = operations.map((op) => `${op}: ${observed.get(op)!.map((o) => `${o.status}${o.code ? ` ${o.code}` : ''}`).join(' | ')}`);
      writeFileSync(`${process.env.AUTHORIZATION_MATRIX_OUT}.statuses`, `${statuses.join('\n')}\n`);
    }

    const problems: string[] = [];
    for (const op of missingRows) problems.push(`+ no row for the operation ${op} (add it to authorization-matrix.table.ts)`);
    for (const op of staleRows) problems.push(`- a row for an operation the API no longer has: ${op}`);
    for (const operation of ordered) {
      const expected = EXPECTED_OUTCOMES[operation];
      observed.get(operation)!.forEach((got, index) => {
        const caller = CALLERS[index];
        const seen = `${got.status}${got.code ? ` ${got.code}` : ''}`;
        if (got.outcome === '5xx') problems.push(`! ${operation} as ${caller}: ${seen} (a 5xx is never an answer)`);
        else if (expected && expected[index] !== got.outcome) problems.push(`≠ ${operation} as ${caller}: expected ${expected[index]}, got ${got.outcome} (${seen})`);
      });
    }
    if (problems.length) throw new Error(`The authorization matrix does not hold (${problems.length}):\n${problems.join('\n')}`);
    expect(observed.size).toBe(operations.length);
    // One request per operation and caller, in order (some rows change state): over 1,200 requests that a busy
    // machine may take minutes to answer, so the guard is generous; the test waits for answers, never races them.
  }, 600_000);

  it("a unit's finished sign task answers another unit 403, not the unit's signature (the replay came before the check)", async () => {
    const { signingCampaignId } = fixture;
    await flow.recordPaper('VKS-THA', signingCampaignId);
    const confirmed = await flow.confirmPaper('VKS-THA', signingCampaignId);
    const task = await inboxTask(flow.heads.get('VKS-THA')!, signingCampaignId, 'signing', 'all');
    const nghean = flow.heads.get('VKS-NAN')!;
    const confirm = await t.http().post(`/api/v1/tasks/${task}/signing/paper/confirm`).set(nghean).set('X-Acting-Unit', 'VKS-NAN').expect(403);
    expect(confirm.body.code).toBe('NOT_TASK_ASSIGNEE');
    const sign = await t.http().post(`/api/v1/tasks/${task}/signing`).set(nghean).set('X-Acting-Unit', 'VKS-NAN').send(BODIES['POST /api/v1/tasks/{id}/signing']).expect(403);
    expect(sign.body.code).toBe('NOT_TASK_ASSIGNEE');
    // The unit itself still gets its confirmed signature again.
    const again = await t.http().post(`/api/v1/tasks/${task}/signing/paper/confirm`).set(flow.heads.get('VKS-THA')!).expect(200);
    expect(again.body.id).toBe(confirmed.id);
  });
});
