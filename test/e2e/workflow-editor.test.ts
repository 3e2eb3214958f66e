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

    // Vietnamese unless the reader chose English, the schema's problems included.
    const unnamed = { ...fourStageDocument(), extra: true, stages: { ...broken.stages, 'Bad Key': { type: 'review' } } };
    const inVietnamese = (await check(unnamed).expect(200)).body.problems as Array<{ path: string; message: string }>;
    expect(inVietnamese).toEqual(
      expect.arrayContaining([
        { path: '$', code: 'SCHEMA', message: 'không có thuộc tính "extra" ở đây' },
        expect.objectContaining({ path: '$.stages', message: expect.stringContaining('tên "Bad Key" không đúng mẫu') }),
      ]),
    );
    const inEnglish = (await t.http().post('/api/v1/workflow-documents/check?lang=en').set(admin).send({ document: broken }).expect(200)).body.problems;
    expect(inEnglish).toContainEqual({ path: '$.stages["draft-review"].on.approved', code: 'UNKNOWN_TARGET', message: 'no stage "nowhere"' });
    expect((await check(broken).expect(200)).body.problems).toContainEqual({ path: '$.stages["draft-review"].on.approved', code: 'UNKNOWN_TARGET', message: 'Không có bước "nowhere"' });

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
    // The new name only: the pact's English name would describe the workflow it was copied from.
    expect(definition.draft.name).toEqual({ vi: 'Giao ước biến thể' });
    expect((await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.total).toBe(before + 1);

    // A built-in opens read-only.
    expect(await pages.page('admin', `/admin/workflows/${pact.id}`)).toContain('Quy trình có sẵn được cập nhật từ tệp đi kèm ứng dụng');
  });

  it('compares two versions of a workflow through the API and on its page, and refuses versions of two workflows', async () => {
    const pages = pageSessions(t);
    const created = await pages.post('admin', '/admin/workflows', { key: 'e2e-diff', name: 'So sánh' }, 303);
    const id = created.headers.location.split('/').pop()!;
    const publish = async () => (await t.http().post(`/api/v1/workflow-definitions/${id}/publish`).set(admin).expect(201)).body.version.id as string;
    const v1 = await publish();
    const draft = (await t.http().get(`/api/v1/workflow-definitions/${id}`).set(admin).expect(200)).body.draft;
    draft.stages.review.due = { workingDays: 3 };
    draft.stages.review.on.approved = 'notice';
    draft.stages.notice = { type: 'acknowledge', fanOut: 'each-member', on: { acknowledged: 'done' } };
    await t.http().put(`/api/v1/workflow-definitions/${id}/draft`).set(admin).send({ document: draft }).expect(200);
    const v2 = await publish();

    const diff = (await t.http().get(`/api/v1/workflow-versions/${v1}/diff/${v2}`).set(admin).expect(200)).body;
    expect(diff).toEqual({
      fromVersion: 1,
      toVersion: 2,
      start: null,
      added: [{ key: 'notice', type: 'acknowledge' }],
      removed: [],
      changed: [
        {
          key: 'review',
          changes: [
            { property: 'due', from: null, to: '{"workingDays":3}' },
            { property: 'on', from: '{"approved":"done","returned":"review"}', to: '{"approved":"notice","returned":"review"}' },
          ],
        },
      ],
    });
    const pact = (await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.items.find((d: { key: string }) => d.key === 'cluster-pact');
    const pactVersion = (await t.http().get(`/api/v1/workflow-definitions/${pact.id}/versions`).set(admin).expect(200)).body.items[0].id;
    const unrelated = (await t.http().get(`/api/v1/workflow-versions/${v1}/diff/${pactVersion}`).set(admin).expect(422)).body;
    expect(unrelated.code).toBe('WORKFLOW_VERSIONS_UNRELATED');
    // Named, not by key.
    expect(unrelated.message).toContain(`và “${pact.name}”`);

    expect(await pages.page('admin', '/admin/workflows')).toContain(`/admin/workflows/${id}/diff?from=1&amp;to=2`);
    const page = await pages.page('admin', `/admin/workflows/${id}/diff`);
    expect(page).toContain('So sánh: so sánh phiên bản 1 và 2');
    expect(page).toContain('<code>notice</code> (acknowledge)');
    expect(page).toContain('<code>{&quot;workingDays&quot;:3}</code>');
  });
});
