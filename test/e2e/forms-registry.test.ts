import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { readBuiltinForms, syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

const submit = () => ({ type: 'button', key: 'submit', label: 'Gửi', action: 'submit', input: true });

/** A title registration with one problem of each kind: a duplicate key, a key Form.io cannot use, custom JavaScript. */
const brokenSchema = (): Json => ({
  display: 'form',
  components: [
    { type: 'textfield', key: 'unitName', label: 'Tên đơn vị', input: true, validate: { required: true } },
    { type: 'textfield', key: 'unitName', label: 'Tên đơn vị (lặp)', input: true },
    { type: 'number', key: '1st-place', label: 'Xếp hạng', input: true },
    { type: 'number', key: 'score', label: 'Điểm', input: true, validate: { custom: 'valid = input > 0;' } },
    {
      type: 'datagrid',
      key: 'members',
      label: 'Cá nhân đăng ký',
      input: true,
      // The same key inside a grid lives in the grid's rows, not beside the top-level field.
      components: [{ type: 'textfield', key: 'unitName', label: 'Đơn vị công tác', input: true }],
    },
    submit(),
  ],
});

const fixedSchema = (): Json => {
  const components = [...(brokenSchema().components as Json[])];
  components.splice(1, 1);
  components[1] = { ...components[1], key: 'rank' };
  components[2] = { ...components[2], validate: { min: 0 } };
  return { display: 'form', components };
};

describe('form registry API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'thanhhoa.canbo');
  });
  afterAll(() => t.close());

  const create = (body: Json) => t.http().post('/api/v1/forms').set(admin).send(body);
  const putDraft = (id: string, schema: Json) => t.http().put(`/api/v1/forms/${id}/draft`).set(admin).send({ schema });
  const validate = (id: string) => t.http().post(`/api/v1/forms/${id}/validate`).set(admin).expect(200);
  const publish = (id: string) => t.http().post(`/api/v1/forms/${id}/publish`).set(admin).send();
  const versions = async (id: string) => (await t.http().get(`/api/v1/forms/${id}/versions`).set(admin).expect(200)).body;

  it('lists every problem with its path, refuses to publish, then publishes only changed drafts and diffs the versions', async () => {
    const created = await create({ key: 'pact/registration-trial', name: 'Đăng ký thử', schema: brokenSchema() }).expect(201);
    expect(created.body).toMatchObject({ key: 'pact/registration-trial', builtIn: false, latestVersion: null, latest: null, draftPublished: false });
    const id: string = created.body.id;

    const checked = await validate(id);
    expect(checked.body.valid).toBe(false);
    expect(checked.body.problems.map((p: { code: string; path: string }) => `${p.code} ${p.path}`).sort()).toEqual([
      'KEY_DUPLICATE $.components[1].key',
      'KEY_INVALID $.components[2].key',
      'SCRIPT_NOT_ALLOWED $.components[3].validate.custom',
    ]);

    const refused = await publish(id).set('Accept-Language', 'en').expect(422);
    expect(refused.body).toMatchObject({ code: 'FORM_INVALID', details: checked.body.problems });
    expect(refused.body.message).toContain('3 problems');
    expect((await versions(id)).total).toBe(0);

    await putDraft(id, fixedSchema()).expect(200);
    expect((await validate(id)).body).toEqual({ valid: true, problems: [] });
    const first = await publish(id).expect(201);
    expect(first.body.created).toBe(true);
    expect(first.body.version).toMatchObject({ number: 1, definitionId: id, definitionKey: 'pact/registration-trial', publishedBy: { username: 'admin' } });
    expect(first.body.version.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const again = await publish(id).expect(200);
    expect(again.body).toEqual({ created: false, version: first.body.version });
    expect((await versions(id)).total).toBe(1);

    // A new label, a required field no longer required, and a new column in the grid.
    const changed = fixedSchema();
    const components = changed.components as Json[];
    components[0] = { ...components[0], label: 'Tên cơ quan, đơn vị', validate: { required: false } };
    const grid = components[3] as { components: Json[] };
    grid.components.push({ type: 'select', key: 'title', label: 'Danh hiệu', input: true, data: { values: [{ label: 'Chiến sĩ thi đua cơ sở', value: 'csTdcs' }] } });
    await putDraft(id, changed).expect(200);
    const second = await publish(id).expect(201);
    expect(second.body.version.number).toBe(2);

    const list = await versions(id);
    expect(list.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const one = await t.http().get(`/api/v1/form-versions/${first.body.version.id}`).set(admin).expect(200);
    expect(one.body).toMatchObject({ number: 1, schema: fixedSchema() });

    const diff = await t.http().get(`/api/v1/form-versions/${first.body.version.id}/diff/${second.body.version.id}`).set(admin).expect(200);
    expect(diff.body).toEqual({
      from: { id: first.body.version.id, number: 1 },
      to: { id: second.body.version.id, number: 2 },
      added: ['members.title'],
      removed: [],
      changed: [{ key: 'unitName', fields: ['label', 'validate.required'] }],
    });
    const back = await t.http().get(`/api/v1/form-versions/${second.body.version.id}/diff/${first.body.version.id}`).set(admin).expect(200);
    expect(back.body).toMatchObject({ added: [], removed: ['members.title'] });

    const detail = await t.http().get(`/api/v1/forms/${id}`).set(admin).expect(200);
    expect(detail.body).toMatchObject({ latestVersion: 2, draftPublished: true, draft: changed, latest: { number: 2, id: second.body.version.id } });
    const all = await t.http().get('/api/v1/forms').set(admin).expect(200);
    expect(all.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'pact/registration-trial', latestVersion: 2 })]));
  });

  it('reports a schema that is not a form at the root', async () => {
    const { body } = await create({ key: 'pact/empty', name: 'Trống', schema: { display: 'form' } }).expect(201);
    expect((await validate(body.id)).body.problems).toEqual([expect.objectContaining({ path: '$.components', code: 'COMPONENTS_MISSING' })]);
    await putDraft(body.id, { components: [] }).expect(200);
    expect((await validate(body.id)).body.problems).toEqual([expect.objectContaining({ path: '$.components', code: 'COMPONENTS_EMPTY' })]);
    await putDraft(body.id, { components: [{ type: 'textfield', label: 'Không khóa', input: true }, submit()] }).expect(200);
    expect((await validate(body.id)).body.problems).toEqual([expect.objectContaining({ path: '$.components[0].key', code: 'KEY_MISSING' })]);
  });

  it('is for administrators only', async () => {
    const forbidden = await t.http().get('/api/v1/forms').set(officer).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN_ROLE');
    await t.http().post('/api/v1/forms').set(officer).send({ key: 'mine', name: 'x', schema: fixedSchema() }).expect(403);
    const { body } = await create({ key: 'pact/private', name: 'Riêng', schema: fixedSchema() }).expect(201);
    await t.http().post(`/api/v1/forms/${body.id}/publish`).set(officer).expect(403);
    const { version } = (await publish(body.id).expect(201)).body;
    await t.http().get(`/api/v1/form-versions/${version.id}`).set(officer).expect(403);
    await t.http().get(`/api/v1/form-versions/${version.id}/diff/${version.id}`).set(officer).expect(403);
    await t.http().get('/api/v1/forms').expect(401);
  });

  it('answers a duplicate key with 409, bad input with 400, unknown ids with 404 and a huge schema with 413', async () => {
    await create({ key: 'pact/unique', name: 'Một', schema: fixedSchema() }).expect(201);
    const duplicate = await create({ key: 'pact/unique', name: 'Hai', schema: fixedSchema() }).set('Accept-Language', 'en').expect(409);
    expect(duplicate.body).toEqual({ code: 'FORM_KEY_TAKEN', message: expect.stringContaining('pact/unique') });

    const badKey = await create({ key: 'Pact Extra', name: 'x', schema: fixedSchema() }).expect(400);
    expect(badKey.body.details).toEqual([expect.objectContaining({ field: 'key' })]);
    const notObject = await create({ key: 'pact/array', name: 'x', schema: [1, 2] }).expect(400);
    expect(notObject.body.details).toEqual([expect.objectContaining({ field: 'schema' })]);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.http().get(`/api/v1/forms/${missing}`).set(admin).expect(404)).body.code).toBe('FORM_NOT_FOUND');
    expect((await t.http().get(`/api/v1/form-versions/${missing}`).set(admin).expect(404)).body.code).toBe('FORM_VERSION_NOT_FOUND');
    expect((await t.http().get(`/api/v1/form-versions/${missing}/diff/${missing}`).set(admin).expect(404)).body.code).toBe('FORM_VERSION_NOT_FOUND');
    await t.http().get('/api/v1/forms/not-a-uuid').set(admin).expect(400);

    const huge = { components: Array.from({ length: 12_000 }, (_, i) => ({ type: 'textfield', key: `field${i}`, label: 'Trường dữ liệu khá dài '.repeat(3), input: true })) };
    expect((await create({ key: 'pact/huge', name: 'Lớn', schema: huge }).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('built-in forms', () => {
    const service = () => new FormsService(t.app.get(MikroORM).em.fork());
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'thidua-forms-'));
      mkdirSync(join(dir, 'trial'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const write = (schema: Json, name = 'sample') => writeFileSync(join(dir, 'trial', `${name}.form.json`), JSON.stringify(schema, null, 2));

    it('publishes a file once, again only when its content changed, and keeps its draft to the file', async () => {
      write({ title: 'Mẫu thử', ...fixedSchema() });
      expect(await syncBuiltinForms(service(), readBuiltinForms(dir))).toEqual([{ key: 'trial/sample', action: 'create', version: 1 }]);
      expect(await syncBuiltinForms(service(), readBuiltinForms(dir))).toEqual([{ key: 'trial/sample', action: 'unchanged', version: 1 }]);

      // Key order and whitespace do not count as a change: the hash is of the canonical JSON.
      writeFileSync(join(dir, 'trial', 'sample.form.json'), JSON.stringify({ ...fixedSchema(), title: 'Mẫu thử' }));
      expect(await syncBuiltinForms(service(), readBuiltinForms(dir))).toEqual([{ key: 'trial/sample', action: 'unchanged', version: 1 }]);

      write({ title: 'Mẫu thử (sửa)', ...fixedSchema() });
      expect(await syncBuiltinForms(service(), readBuiltinForms(dir))).toEqual([{ key: 'trial/sample', action: 'publish', version: 2 }]);

      const list = await t.http().get('/api/v1/forms').set(admin).expect(200);
      const sample = list.body.items.find((f: { key: string }) => f.key === 'trial/sample');
      expect(sample).toMatchObject({ builtIn: true, latestVersion: 2, name: 'Mẫu thử (sửa)' });
      expect((await versions(sample.id)).items[0].publishedBy).toBeNull();
    });

    it("keeps an administrator's edit of a built-in form through later syncs, and says when a changed file was not applied", async () => {
      write({ title: 'Mẫu thử', ...fixedSchema() }, 'edited');
      await syncBuiltinForms(service(), readBuiltinForms(dir));
      const sample = (await t.http().get('/api/v1/forms').set(admin).expect(200)).body.items.find((f: { key: string }) => f.key === 'trial/edited');

      // A pending draft is an edit too: the changed file must not overwrite it.
      await putDraft(sample.id, { title: 'Mẫu thử', ...fixedSchema(), components: [...(fixedSchema().components as Json[]), { type: 'textfield', key: 'note', label: 'Ghi chú', input: true }] }).expect(200);
      write({ title: 'Mẫu thử (bản mới của hệ thống)', ...fixedSchema() }, 'edited');
      expect(await syncBuiltinForms(service(), readBuiltinForms(dir))).toEqual([{ key: 'trial/edited', action: 'customised', version: 1 }]);
      expect((await t.http().get(`/api/v1/forms/${sample.id}`).set(admin).expect(200)).body.draft.components.map((c: { key: string }) => c.key)).toContain('note');

      const published = await t.http().post(`/api/v1/forms/${sample.id}/publish`).set(admin).expect(201);
      expect(published.body.version).toMatchObject({ number: 2 });
      expect((await versions(sample.id)).items[0].publishedBy).not.toBeNull();
      expect(await syncBuiltinForms(service(), readBuiltinForms(dir))).toEqual([{ key: 'trial/edited', action: 'customised', version: 2 }]);
    });

    it('refuses an invalid file before changing anything', async () => {
      write({ title: 'Đúng', ...fixedSchema() }, 'a-valid');
      write(brokenSchema(), 'broken');
      await expect(syncBuiltinForms(service(), readBuiltinForms(dir))).rejects.toThrow(/trial\/broken is invalid: .*KEY_DUPLICATE/);
      expect(await service().stateOf('trial/a-valid')).toBeNull();
      expect(await service().stateOf('trial/broken')).toBeNull();
    });

    it('loads the shipped forms/ folder idempotently', async () => {
      const first = await syncBuiltinForms(service());
      expect(first.length).toBeGreaterThan(0);
      const second = await syncBuiltinForms(service());
      expect(second).toEqual(first.map((r) => ({ key: r.key, action: 'unchanged', version: r.version })));
    });
  });
});
