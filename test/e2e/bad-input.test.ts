import { gzipSync } from 'node:zlib';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** 5,000 arrays one inside the other: JSON.parse copes, a recursive validator does not. */
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;

/** Sends the bytes as they are (superagent would otherwise serialise a Buffer as JSON). */
const asBytes = (bytes: Buffer) => (): string => bytes as unknown as string;

const document = (clauseText: string) => ({
  content: { title: 'Giao ước thử', preamble: 'Các đơn vị thống nhất:', clauses: [{ id: 'c-1', number: '1', heading: 'Điều một', text: clauseText }] },
});

/**
 * Hostile and careless input gets a coded 4xx on every route, never a 500, and nothing is stored: control characters,
 * absurd nesting, charsets and encodings the parsers do not speak, paging past any list.
 */
describe('bad input (e2e)', () => {
  let t: TestApp;
  let admin: Auth;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
  });
  afterAll(() => t.close());

  /** What the bad requests must leave alone: units, people and documents as the API lists them. */
  const stored = async () => ({
    units: (await t.http().get('/api/v1/units?includeArchived=true&limit=500').set(admin).expect(200)).body,
    people: (await t.http().get('/api/v1/people?includeArchived=true&limit=500').set(admin).expect(200)).body,
    documents: (await t.http().get('/api/v1/documents?limit=500').set(admin).expect(200)).body,
  });
  const json = (method: 'post' | 'patch', path: string) => t.http()[method](path).set(admin).set('Content-Type', 'application/json');

  it('refuses a NUL or another control character in any text field, key or query with 400 INVALID_CHARACTERS naming the field', async () => {
    const before = await stored();

    const signIn = await t.http().post('/api/v1/auth/sign-in').set('Accept-Language', 'en').send({ username: 'ad\u0000min', password: DEMO_PASSWORD }).expect(400);
    expect(signIn.body).toEqual({
      code: 'INVALID_CHARACTERS',
      message: 'Field username contains a control character that is not allowed (U+0000); text may hold only tabs and line breaks.',
      details: { field: 'username', character: 'U+0000' },
    });
    const unit = await json('post', '/api/v1/units').send({ code: 'VKS-NUL', name: 'Viện kiểm sát\u0000' }).expect(400);
    expect(unit.body).toMatchObject({ code: 'INVALID_CHARACTERS', details: { field: 'name' } });
    expect(unit.body.message).toBe('Trường name chứa ký tự điều khiển không được phép (U+0000); văn bản chỉ được chứa tab và xuống dòng.');
    const clause = await json('post', '/api/v1/documents').send(document('Chỉ tiêu\u001b[31m')).expect(400);
    expect(clause.body).toMatchObject({ code: 'INVALID_CHARACTERS', details: { field: 'content.clauses[0].text', character: 'U+001B' } });
    const key = await json('post', '/api/v1/units').send({ code: 'VKS-KEY', name: 'Khóa', ['x\u0000']: 1 }).expect(400);
    expect(key.body).toMatchObject({ code: 'INVALID_CHARACTERS', details: { field: 'xU+0000' } });

    // The same through a page form, a CSV upload and query strings.
    const pageForm = await t.http().post('/sign-in').type('form').send('username=ad%00min&password=x').expect(400);
    expect(pageForm.body).toMatchObject({ code: 'INVALID_CHARACTERS', details: { field: 'username' } });
    const csv = await t.http().post('/api/v1/imports/units').set(admin).set('Content-Type', 'text/csv; charset=utf-8').send('code,name\nVKS-CSV,Viện\u0000kiểm sát').expect(400);
    expect(csv.body).toMatchObject({ code: 'INVALID_CHARACTERS', details: { field: 'body' } });
    for (const path of ['/api/v1/units?q=a%00b', '/api/v1/people?q=%07', '/api/v1/documents?lang=v%00i']) {
      const query = await t.http().get(path).set(admin).expect(400);
      expect(query.body.code).toBe('INVALID_CHARACTERS');
    }

    // Tabs and line breaks are text; the admin can still sign in; nothing was stored.
    expect((await json('post', '/api/v1/documents').send(document('Dòng một\r\nDòng hai\tcột')).expect(201)).body.latest.content.clauses[0].text).toContain('Dòng hai');
    await bearerFor(t, 'admin');
    const after = await stored();
    expect(after.units).toEqual(before.units);
    expect(after.people).toEqual(before.people);
    expect(after.documents.total).toBe(before.documents.total + 1);
  });

  it('refuses JSON nested deeper than 64 levels with 400 INPUT_TOO_DEEP before any validation runs', async () => {
    const before = await stored();
    const signIn = await t.http().post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send(`{"username":"admin","password":"x","x":${DEEP}}`).expect(400);
    expect(signIn.body).toMatchObject({ code: 'INPUT_TOO_DEEP', details: { limit: 64, field: expect.stringMatching(/^x(\[0\])+$/) } });
    for (const [path, body] of [
      ['/api/v1/units', `{"code":"VKS-DEEP","name":${DEEP}}`],
      ['/api/v1/documents', `{"content":{"title":"t","clauses":${DEEP}}}`],
      ['/api/v1/workflow-definitions', `{"key":"deep","name":"Sâu","document":${DEEP}}`],
    ]) {
      const response = await json('post', path).send(body).expect(400);
      expect(response.body.code).toBe('INPUT_TOO_DEEP');
    }
    // 64 levels are still JSON like any other: the DTO decides (here: a name must be text).
    const atLimit = `${'['.repeat(63)}${']'.repeat(63)}`;
    expect((await json('post', '/api/v1/units').send(`{"code":"VKS-DEEP","name":${atLimit}}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await stored()).toEqual(before);
  });

  it('answers a charset or content encoding the parsers do not speak with 415, and bytes that are not what they claim with 400', async () => {
    const before = await stored();
    const signInBody = JSON.stringify({ username: 'admin', password: DEMO_PASSWORD });
    const unitBody = JSON.stringify({ code: 'VKS-ENC', name: 'Mã hóa' });
    for (const [path, auth, body] of [
      ['/api/v1/auth/sign-in', {}, signInBody],
      ['/api/v1/units', admin, unitBody],
    ] as const) {
      const charset = await t.http().post(path).set(auth).set('Content-Type', 'application/json; charset=iso-8859-1').send(body).expect(415);
      expect(charset.body).toMatchObject({ code: 'UNSUPPORTED_CHARSET' });
      expect(charset.body.message).toContain('iso-8859-1');
      const encoding = await t.http().post(path).set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'br2').send(body).expect(415);
      expect(encoding.body).toMatchObject({ code: 'UNSUPPORTED_CONTENT_ENCODING' });
      expect(encoding.body.message).toContain('br2');
      const falseGzip = await t.http().post(path).set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(body).expect(400);
      expect(falseGzip.body).toMatchObject({ code: 'BODY_UNREADABLE' });
      const cutGzip = await t.http().post(path).set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize(asBytes(gzipSync(body).subarray(0, 12))).send({}).expect(400);
      expect(cutGzip.body).toMatchObject({ code: 'BODY_UNREADABLE' });
    }
    expect(await stored()).toEqual(before);
    // Real gzip is read as it always was.
    await t.http().post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize(asBytes(gzipSync(signInBody))).send({}).expect(200);
  });

  it('answers an offset or limit out of range on every kind of list with 400 VALIDATION_FAILED naming it', async () => {
    const lists = ['/api/v1/units', '/api/v1/people', '/api/v1/documents', '/api/v1/forms', '/api/v1/workflow-definitions'];
    const bad = ['offset=99999999999999999999', 'offset=-1', 'offset=1.5', 'offset=1000001', 'limit=99999999999999999999', 'limit=0', 'limit=2.5', 'limit=abc'];
    for (const list of lists) {
      for (const query of bad) {
        const response = await t.http().get(`${list}?${query}`).set(admin);
        expect([list, query, response.status, response.body.code]).toEqual([list, query, 400, 'VALIDATION_FAILED']);
        expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual([query.split('=')[0]]);
      }
    }
    // The largest offset allowed is still an ordinary, empty page.
    expect((await t.http().get('/api/v1/units?offset=1000000').set(admin).expect(200)).body.items).toEqual([]);
  });
});
