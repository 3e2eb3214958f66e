import { MikroORM } from '@mikro-orm/core';
import { syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { syncBuiltinScoringTables } from '../../src/modules/scoring/builtin-scoring-tables-sync';
import { ScoringTablesService } from '../../src/modules/scoring/scoring-tables.service';
import { syncBuiltinWorkflows } from '../../src/workflows/definitions/builtin-workflows';
import { WorkflowDefinitionsService } from '../../src/workflows/definitions/workflow-definitions.service';
import { StageRegistry } from '../../src/workflows/stages/stage-registry';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

/** A schema-valid draft with one graph or settings problem of each kind. */
const brokenDocument = (): Json => ({
  name: { vi: 'Thử nghiệm xác nhận giao ước', en: 'Pact acknowledgement trial' },
  start: 'review',
  stages: {
    review: { type: 'review', name: 'Cụm trưởng "duyệt" [bản 1]', assignees: ['cluster-head'], on: { approved: 'confirm' } },
    confirm: { type: 'acknowledge', fanOut: 'each-member', settings: { completion: 'most' }, on: { acknowledged: 'done' } },
    done: { type: 'end', name: { vi: 'Kết thúc' } },
    orphan: { type: 'telepathy' },
  },
});

const fixedDocument = (): Json => {
  const document = brokenDocument();
  const stages = document.stages as Record<string, Json>;
  stages.review.on = { approved: 'confirm', returned: 'review' };
  stages.confirm.settings = { completion: 'all' };
  delete stages.orphan;
  return document;
};

describe('workflow definitions API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'thanhhoa.canbo');
  });
  afterAll(() => t.close());

  const create = (body: Json) => t.http().post('/api/v1/workflow-definitions').set(admin).send(body);
  const putDraft = (id: string, document: Json) => t.http().put(`/api/v1/workflow-definitions/${id}/draft`).set(admin).send({ document });
  const publish = (id: string) => t.http().post(`/api/v1/workflow-definitions/${id}/publish`).set(admin).send();
  const versions = async (id: string) => (await t.http().get(`/api/v1/workflow-definitions/${id}/versions`).set(admin).expect(200)).body;

  it('names every problem with its JSON path, refuses to publish, then publishes versions only when the draft changed', async () => {
    const created = await create({ key: 'pact-trial', name: 'Thử nghiệm giao ước', document: brokenDocument() }).expect(201);
    expect(created.body).toMatchObject({ key: 'pact-trial', builtIn: false, latestVersion: null, latest: null, draftPublished: false });
    const id: string = created.body.id;

    const checked = await t.http().post(`/api/v1/workflow-definitions/${id}/validate`).set(admin).set('Accept-Language', 'en').expect(200);
    // Vietnamese by default, English when asked: the same problems at the same paths.
    const inVietnamese = (await t.http().post(`/api/v1/workflow-definitions/${id}/validate`).set(admin).expect(200)).body.problems;
    expect(inVietnamese.map((p: { path: string }) => p.path)).toEqual(checked.body.problems.map((p: { path: string }) => p.path));
    expect(inVietnamese).toContainEqual({ path: '$.stages.review.on', code: 'OUTCOME_WITHOUT_TARGET', message: 'Kết quả "returned" chưa có bước tiếp theo' });
    expect(checked.body.problems).toContainEqual({ path: '$.stages.review.on', code: 'OUTCOME_WITHOUT_TARGET', message: 'outcome "returned" has no next stage' });
    expect(checked.body.valid).toBe(false);
    const found = checked.body.problems.map((p: { code: string; path: string }) => `${p.code} ${p.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'UNKNOWN_STAGE_TYPE $.stages.orphan.type',
        'UNREACHABLE_STAGE $.stages.orphan',
        'OUTCOME_WITHOUT_TARGET $.stages.review.on',
        'SETTING_INVALID $.stages.confirm.settings.completion',
      ]),
    );

    const refused = await publish(id).set('Accept-Language', 'en').expect(422);
    expect(refused.body).toMatchObject({ code: 'WORKFLOW_INVALID', details: checked.body.problems });
    expect(refused.body.message).toContain(String(checked.body.problems.length));
    expect((await versions(id)).total).toBe(0);

    await putDraft(id, fixedDocument()).expect(200);
    expect((await t.http().post(`/api/v1/workflow-definitions/${id}/validate`).set(admin).expect(200)).body).toEqual({ valid: true, problems: [] });
    const first = await publish(id).expect(201);
    expect(first.body.created).toBe(true);
    expect(first.body.version).toMatchObject({ number: 1, definitionId: id, definitionKey: 'pact-trial', publishedBy: { username: 'admin' } });
    expect(first.body.version.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const again = await publish(id).expect(200);
    expect(again.body).toEqual({ created: false, version: first.body.version });
    expect((await versions(id)).total).toBe(1);

    const changed = fixedDocument();
    (changed.stages as Record<string, Json>).confirm.due = { workingDays: 5 };
    await putDraft(id, changed).expect(200);
    const second = await publish(id).expect(201);
    expect(second.body.version.number).toBe(2);
    expect(second.body.version.contentHash).not.toBe(first.body.version.contentHash);

    const list = await versions(id);
    expect(list.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const one = await t.http().get(`/api/v1/workflow-versions/${list.items[1].id}`).set(admin).expect(200);
    expect(one.body).toMatchObject({ number: 1, document: fixedDocument() });

    const detail = await t.http().get(`/api/v1/workflow-definitions/${id}`).set(admin).expect(200);
    expect(detail.body).toMatchObject({ latestVersion: 2, draftPublished: true, draft: changed, latest: { number: 2, id: second.body.version.id } });
    const all = await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200);
    expect(all.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'pact-trial', latestVersion: 2 })]));
  });

  it('draws a published version as a Mermaid flowchart, as JSON or as text', async () => {
    const { body } = await create({ key: 'pact-diagram', name: 'Sơ đồ', document: fixedDocument() }).expect(201);
    const { version } = (await publish(body.id).expect(201)).body;
    const diagram = await t.http().get(`/api/v1/workflow-versions/${version.id}/diagram`).set(admin).expect(200);
    const mermaid: string = diagram.body.mermaid;
    expect(mermaid.startsWith('flowchart TD\n')).toBe(true);
    expect(mermaid).toContain('workflow_start --> stage_review');
    expect(mermaid).toContain('stage_review{"Cụm trưởng #34;duyệt#34; #91;bản 1#93;<br/>review"}');
    expect(mermaid).toContain('stage_confirm["confirm<br/>acknowledge"]');
    expect(mermaid).toContain('stage_done(["Kết thúc<br/>end"])');
    for (const outcome of ['approved', 'returned', 'acknowledged']) expect(mermaid).toContain(`-->|"${outcome}"|`);

    const text = await t.http().get(`/api/v1/workflow-versions/${version.id}/diagram`).query({ format: 'text' }).set(admin).expect(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toBe(mermaid);
    await t.http().get(`/api/v1/workflow-versions/${version.id}/diagram`).query({ format: 'svg' }).set(admin).expect(400);
  });

  it('numbers concurrent publications of the same draft once', async () => {
    const { body } = await create({ key: 'pact-race', name: 'Đua', document: fixedDocument() }).expect(201);
    const race = async (expected: number) => {
      const responses = await Promise.all(Array.from({ length: 8 }, () => publish(body.id)));
      // A loser either sees the winner's version (200) or retries once after the unique constraint refused it.
      expect(responses.map((r) => `${r.status} ${r.body.code ?? ''}`).sort()).toEqual([...Array(7).fill('200 '), '201 ']);
      expect(new Set(responses.map((r) => `${r.body.version.id} ${r.body.version.number}`))).toEqual(new Set([`${responses[0].body.version.id} ${expected}`]));
    };
    await race(1);
    const changed = fixedDocument();
    changed.description = 'Lần 2';
    await putDraft(body.id, changed).expect(200);
    await race(2);
    expect((await versions(body.id)).items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });

  it('refuses to publish an earlier content again as a new number', async () => {
    const { body } = await create({ key: 'pact-revert', name: 'Quay lại', document: fixedDocument() }).expect(201);
    await publish(body.id).expect(201);
    const changed = fixedDocument();
    changed.description = 'Bản 2';
    await putDraft(body.id, changed).expect(200);
    await publish(body.id).expect(201);
    await putDraft(body.id, fixedDocument()).expect(200);
    const refused = await publish(body.id).expect(409);
    expect(refused.body).toMatchObject({ code: 'WORKFLOW_CONTENT_PUBLISHED', details: { number: 1 } });
  });

  it('loads the built-in workflows idempotently and keeps their drafts to the files', async () => {
    const service = () => new WorkflowDefinitionsService(t.app.get(MikroORM).em.fork(), new StageRegistry());
    // Forms and scoring tables come first, as in `thidua setup`: the built-in workflows' stages name them.
    await syncBuiltinForms(new FormsService(t.app.get(MikroORM).em.fork()));
    const scoringEm = t.app.get(MikroORM).em.fork();
    await syncBuiltinScoringTables(new ScoringTablesService(scoringEm, new FormsService(scoringEm)));
    const first = await syncBuiltinWorkflows(service());
    expect(first).toEqual(expect.arrayContaining([{ key: 'cluster-pact-review', action: 'create', version: 1 }]));
    expect(await syncBuiltinWorkflows(service())).toEqual(expect.arrayContaining([{ key: 'cluster-pact-review', action: 'unchanged', version: 1 }]));

    const list = await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200);
    const pact = list.body.items.find((d: { key: string }) => d.key === 'cluster-pact-review');
    expect(pact).toMatchObject({ builtIn: true, latestVersion: 1, name: 'Xem xét và xác nhận giao ước thi đua của cụm' });
    const refused = await putDraft(pact.id, fixedDocument()).expect(409);
    expect(refused.body.code).toBe('WORKFLOW_BUILT_IN');
    expect(refused.body.message).toContain('“Xem xét và xác nhận giao ước thi đua của cụm” (cluster-pact-review)');

    const [version] = (await versions(pact.id)).items;
    expect(version.publishedBy).toBeNull();
    const { text } = await t.http().get(`/api/v1/workflow-versions/${version.id}/diagram?format=text`).set(admin).expect(200);
    expect(text).toContain('Cụm trưởng xem xét dự thảo');
    expect(text).toContain('stage_acknowledge -->|"timeout"| stage_cool_off');
  });

  it('is for administrators only', async () => {
    const forbidden = await t.http().get('/api/v1/workflow-definitions').set(officer).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN_ROLE');
    await t.http().post('/api/v1/workflow-definitions').set(officer).send({ key: 'mine', name: 'x', document: fixedDocument() }).expect(403);
    const { body } = await create({ key: 'pact-private', name: 'Riêng', document: fixedDocument() }).expect(201);
    await t.http().post(`/api/v1/workflow-definitions/${body.id}/publish`).set(officer).expect(403);
    await t.http().get('/api/v1/workflow-definitions').expect(401);
  });

  it('answers a duplicate key with 409, bad input with 400 and unknown ids with 404', async () => {
    await create({ key: 'pact-unique', name: 'Một', document: fixedDocument() }).expect(201);
    const duplicate = await create({ key: 'pact-unique', name: 'Hai', document: fixedDocument() }).set('Accept-Language', 'en').expect(409);
    expect(duplicate.body).toEqual({ code: 'WORKFLOW_KEY_TAKEN', message: expect.stringContaining('pact-unique') });

    const unknown = await create({ key: 'pact-extra', name: 'x', document: fixedDocument(), owner: 'me' }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'owner' })] });
    const badKey = await create({ key: 'Pact Extra', name: 'x', document: fixedDocument() }).expect(400);
    expect(badKey.body.details).toEqual([expect.objectContaining({ field: 'key' })]);
    const notObject = await create({ key: 'pact-array', name: 'x', document: [1, 2] }).expect(400);
    expect(notObject.body.details).toEqual([expect.objectContaining({ field: 'document' })]);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.http().get(`/api/v1/workflow-definitions/${missing}`).set(admin).expect(404)).body.code).toBe('WORKFLOW_DEFINITION_NOT_FOUND');
    expect((await t.http().get(`/api/v1/workflow-versions/${missing}`).set(admin).expect(404)).body.code).toBe('WORKFLOW_VERSION_NOT_FOUND');
    await t.http().get('/api/v1/workflow-definitions/not-a-uuid').set(admin).expect(400);
  });
});
