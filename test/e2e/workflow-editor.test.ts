import { clusterPactFixture } from '../support/cluster-pact';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { fourStageDocument } from '../support/workflow-factory';

describe('the workflow editor: checking unsaved documents, the list, copy and create (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    await clusterPactFixture(t);
  });
  afterAll(() => t?.close());

  const check = (document: unknown, auth = admin) => t.http().post('/api/v1/workflow-documents/check').set(auth).send({ document });

  it('checks a document without saving it: every problem at its path, and the diagram when it can be drawn', async () => {
    const valid = (await check(fourStageDocument()).expect(200)).body;
    expect(valid.problems).toEqual([]);
    expect(valid.mermaid).toMatch(/^flowchart TD/);
    expect(valid.mermaid).toContain('Cụm trưởng duyệt dự thảo');

    const broken = fourStageDocument();
    broken.stages['draft-review'].on = { approved: 'nowhere' };
    const problems = (await check(broken).expect(200)).body.problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`);
    expect(problems).toEqual(expect.arrayContaining(['$.stages["draft-review"].on.approved UNKNOWN_TARGET']));

    const nonsense = (await check(42).expect(200)).body;
    expect(nonsense.mermaid).toBeNull();
    expect(nonsense.problems.length).toBeGreaterThan(0);
    expect((await t.http().post('/api/v1/workflow-documents/check').set(admin).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await check(fourStageDocument(), await bearerFor(t, 'thanhhoa.canbo')).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
  });

  it('lists workflows with their versions and campaigns, creates and copies, and refuses a taken key without writing', async () => {
    const pages = pageSessions(t);
    const list = await pages.page('admin', '/admin/workflows');
    expect(list).toContain('cluster-pact');
    expect(list).toContain('phiên bản 1: 0 đợt đang chạy / 0 đợt');
    await pages.get('thanhhoa.canbo', '/admin/workflows', 403);

    const created = await pages.post('admin', '/admin/workflows', { key: 'e2e-new-workflow', name: 'Quy trình thử' }, 303);
    const editor = await pages.page('admin', created.headers.location);
    expect(editor).toContain('Quy trình thử');
    expect(editor).toContain('/assets/mermaid/mermaid.min.js');
    const before = (await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.total;

    const taken = await pages.post('admin', '/admin/workflows', { key: 'cluster-pact', name: 'Trùng mã' }, 409);
    expect(taken.text).toContain('cluster-pact');
    const pact = (await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.items.find((d: { key: string }) => d.key === 'cluster-pact');
    const copy = await pages.post('admin', `/admin/workflows/${pact.id}/copy`, { key: 'cluster-pact-variant', name: 'Giao ước biến thể' }, 303);
    const definition = (await t.http().get(`/api/v1/workflow-definitions/${copy.headers.location.split('/').pop()}`).set(admin).expect(200)).body;
    expect(definition).toMatchObject({ key: 'cluster-pact-variant', name: 'Giao ước biến thể', builtIn: false, latestVersion: null });
    expect(definition.draft.stages.signing.type).toBe('sign');
    expect((await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.total).toBe(before + 1);

    // A built-in opens read-only.
    expect(await pages.page('admin', `/admin/workflows/${pact.id}`)).toContain('Quy trình có sẵn được cập nhật từ tệp đi kèm ứng dụng');
  });
});
