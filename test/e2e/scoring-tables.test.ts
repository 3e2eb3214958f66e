import { MikroORM } from '@mikro-orm/core';
import { FormsService } from '../../src/modules/forms/forms.service';
import { syncBuiltinScoringTables } from '../../src/modules/scoring/builtin-scoring-tables-sync';
import { ScoringTablesService } from '../../src/modules/scoring/scoring-tables.service';
import { readBuiltinScoringTables } from '../../src/modules/scoring/table/builtin-scoring-tables';
import { sampleScoringTable } from '../../src/modules/scoring/table/testing/sample-scoring-table';
import { AppError } from '../../src/common/errors/app-error';
import { catalogMessage } from '../../src/common/errors/error-catalog';
import { Auth } from '../support/cluster-pact';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

describe('scoring tables: published like forms, each version with its generated sheet form (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let officer: Auth;
  const service = () => {
    const em = t.app.get(MikroORM).em.fork();
    return new ScoringTablesService(em, new FormsService(em));
  };

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'hatinh.canbo');
  });
  afterAll(() => t?.close());

  it('refuses an invalid table with every problem at its path', async () => {
    const broken = sampleScoringTable();
    broken.groups[0].items[0] = { ...broken.groups[0].items[0], points: -1 } as never;
    const refused = await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: 'broken-table', document: broken }).expect(422);
    expect(refused.body.code).toBe('SCORING_TABLE_INVALID');
    expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('groups[0].items[0]') })]));
    expect((await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: 'Bad Key', document: sampleScoringTable() }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await t.http().get('/api/v1/scoring-tables/broken-table').set(admin).expect(404);
  });

  it('publishes versions with their sheet forms; the same content publishes nothing, an earlier one is refused', async () => {
    const first = await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: 'trial-table', document: sampleScoringTable() }).expect(201);
    expect(first.body).toMatchObject({ created: true, version: { key: 'trial-table', number: 1, publishedBy: 'admin', sheetForm: { key: 'scoring/trial-table', number: 1 } } });
    const again = await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: 'trial-table', document: sampleScoringTable() }).expect(200);
    expect(again.body).toMatchObject({ created: false, version: { id: first.body.version.id, number: 1 } });

    // Only the grades change: a new table version whose sheet form is the same form version.
    const grades = sampleScoringTable({ grades: [{ code: 'dat', label: 'Đạt', min: 0 }] });
    const second = await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: 'trial-table', document: grades }).expect(201);
    expect(second.body.version).toMatchObject({ number: 2, sheetForm: { versionId: first.body.version.sheetForm.versionId, number: 1 } });
    // New criteria text: a new sheet form version too.
    const renamed = sampleScoringTable({ name: { vi: 'Bảng mẫu sửa đổi' } });
    renamed.groups[0].items[0] = { ...renamed.groups[0].items[0], text: 'Giải quyết án (sửa)' } as never;
    const third = await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: 'trial-table', document: renamed }).expect(201);
    expect(third.body.version).toMatchObject({ number: 3, sheetForm: { number: 2 } });
    expect((await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: 'trial-table', document: sampleScoringTable() }).expect(409)).body.code).toBe('SCORING_TABLE_CONTENT_PUBLISHED');

    const latest = (await t.http().get('/api/v1/scoring-tables/trial-table').set(officer).expect(200)).body;
    expect(latest).toMatchObject({ key: 'trial-table', number: 3, document: { name: { vi: 'Bảng mẫu sửa đổi' } }, sheetForm: { key: 'scoring/trial-table', number: 2 } });
    const form = (await t.http().get(`/api/v1/form-versions/${latest.sheetForm.versionId}`).set(admin).expect(200)).body;
    expect(JSON.stringify(form.schema)).toContain('Giải quyết án (sửa)');
    const versions = (await t.http().get('/api/v1/scoring-tables/trial-table/versions').set(officer).expect(200)).body.items;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    const list = (await t.http().get('/api/v1/scoring-tables').set(officer).expect(200)).body.items;
    expect(list).toEqual(expect.arrayContaining([{ key: 'trial-table', name: 'Bảng mẫu sửa đổi', builtIn: false, latestVersion: 3 }]));
  });

  it('lets only administrators publish; anyone signed in reads', async () => {
    expect((await t.http().post('/api/v1/scoring-tables').set(officer).send({ key: 'officer-table', document: sampleScoringTable() }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    await t.http().get('/api/v1/scoring-tables').expect(401);
    await t.http().get('/api/v1/scoring-tables/no-such-table/versions').set(officer).expect(404);
  });

  it('syncs the built-in tables once, then leaves them alone, and keeps their keys from the API', async () => {
    const files = readBuiltinScoringTables();
    expect(files.length).toBeGreaterThan(0);
    const first = await syncBuiltinScoringTables(service());
    expect(first).toEqual(files.map((file) => ({ key: file.key, action: 'create', version: 1 })));
    const second = await syncBuiltinScoringTables(service());
    expect(second).toEqual(files.map((file) => ({ key: file.key, action: 'unchanged', version: 1 })));
    const builtIn = (await t.http().get(`/api/v1/scoring-tables/${files[0].key}`).set(officer).expect(200)).body;
    expect(builtIn).toMatchObject({ number: 1, sheetForm: { key: `scoring/${files[0].key}` } });
    const refused = await t.http().post('/api/v1/scoring-tables').set(admin).send({ key: files[0].key, document: sampleScoringTable() }).expect(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: 'key', code: 'BUILT_IN' })]);
  });

  it('says which version was not found, its placeholders filled', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const tables = service();
    await expect(tables.findVersion(missing)).rejects.toMatchObject({ code: 'SCORING_TABLE_VERSION_NOT_FOUND', params: { id: missing } });
    const message = (await t.http().get('/api/v1/scoring-tables/no-such-table').set(admin).expect(404)).body.message as string;
    expect(message).toBe('Không tìm thấy bảng chấm điểm no-such-table.');
    const error = await tables.findVersion(missing).catch((e: unknown) => e);
    expect(catalogMessage((error as AppError).code, (error as AppError).params, 'vi')).toBe(`Không tìm thấy phiên bản bảng chấm điểm ${missing}.`);
  });
});
