import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'supertest';
import { Clock } from '../../src/modules/calendar/clock';
import { IDEMPOTENCY_LEASE_MS, IdempotencyStore } from '../../src/modules/idempotency/idempotency-store.service';
import { requestFingerprint } from '../../src/modules/idempotency/request-fingerprint';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

type Auth = { Authorization: string };
const CONCURRENT = 100;

/**
 * Of many requests with one key, exactly one ran: its 201 and every replay carry the same bytes, and
 * the others were told it was still running. Returns the response of the one that ran.
 */
function expectOneRan(responses: Response[]): Response {
  const serverErrors = responses.filter((response) => response.status >= 500).map((response) => response.body);
  expect(serverErrors).toEqual([]);
  const created = responses.filter((response) => response.status === 201);
  const inProgress = responses.filter((response) => response.status !== 201);
  expect(inProgress.map((response) => [response.status, response.body.code, response.headers['retry-after']])).toEqual(
    inProgress.map(() => [409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS', '1']),
  );
  const ran = created.filter((response) => response.headers['idempotent-replayed'] !== 'true');
  expect(ran).toHaveLength(1);
  expect(created.map((response) => response.text)).toEqual(created.map(() => ran[0].text));
  return ran[0];
}

describe('Idempotency-Key under concurrency: reserved before the work, replayed after (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let adminId: string;
  let clusterId: string;
  let workflowVersionId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    const em = t.app.get(MikroORM).em.fork();
    clusterId = (await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    adminId = (await em.findOneOrFail(Person, { username: 'admin' })).id;
    workflowVersionId = (await publishedVersion(t, 'idempotency-e2e', fourStageDocument())).id;
    unitId = (await em.findOneOrFail(Unit, { code: 'VKS-HTI' })).id;
  });
  afterAll(() => t?.close());

  const launchBody = (name: string) => ({ workflowVersionId, name, year: 2020, clusterId });
  const launch = (key: string, body: object) => t.http().post('/api/v1/campaigns').set(admin).set('Idempotency-Key', key).send(body);
  const campaignsNamed = (name: string) => t.app.get(MikroORM).em.fork().count(Campaign, { name });
  const documentBody = (campaignId: string) => ({
    campaignId,
    content: { title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6', clauses: [{ id: 'c-1', number: '1', heading: 'Chỉ tiêu', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ.' }] },
  });
  const createDocument = (key: string, body: object) => t.http().post('/api/v1/documents').set(admin).set('Idempotency-Key', key).send(body);
  const documentsOf = async (campaignId: string) => (await t.http().get(`/api/v1/documents?campaignId=${campaignId}`).set(admin).expect(200)).body.total;

  it(`launches one campaign for ${CONCURRENT} concurrent POST /campaigns with one key, and fans its tasks out once`, async () => {
    const id = randomUUID();
    const name = `Đồng thời ${id}`;
    const body = launchBody(name);
    const responses = await Promise.all(Array.from({ length: CONCURRENT }, () => launch(`launch-${id}`, body)));
    const ran = expectOneRan(responses);

    expect(await campaignsNamed(name)).toBe(1);
    expect(await t.app.get(MikroORM).em.fork().count(Task, { campaign: ran.body.id })).toBe(1);
    // Once the first has finished, a retry answers what it answered, byte for byte.
    const retry = await launch(`launch-${id}`, body).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toBe(ran.headers['content-type']);
    expect(retry.text).toBe(ran.text);
    expect(await campaignsNamed(name)).toBe(1);
  });

  it(`creates one document for ${CONCURRENT} concurrent POST /documents with one key`, async () => {
    const campaignId = randomUUID();
    const responses = await Promise.all(Array.from({ length: CONCURRENT }, () => createDocument(`document-${campaignId}`, documentBody(campaignId))));
    const ran = expectOneRan(responses);

    expect(await documentsOf(campaignId)).toBe(1);
    const retry = await createDocument(`document-${campaignId}`, documentBody(campaignId)).expect(201);
    expect(retry.text).toBe(ran.text);
    expect(await documentsOf(campaignId)).toBe(1);
  });

  // Every other creating endpoint: a duplicate that ran would answer its own 201, or a 409 of its own (a taken key or code).
  const creations: Array<[string, string, (id: string) => object]> = [
    ['units', '/api/v1/units', (id) => ({ code: `U-${id.slice(0, 8).toUpperCase()}`, name: `Đơn vị ${id}` })],
    ['people', '/api/v1/people', (id) => ({ username: `nguoi.${id.slice(0, 8)}`, fullName: 'Nguyễn Văn Thử' })],
    ['clusters', '/api/v1/clusters', (id) => ({ name: `Cụm ${id}`, year: 2021, memberUnitIds: [unitId] })],
    ['mandates', '/api/v1/mandates', () => ({ personId: adminId, unitId, role: 'officer', validFrom: '2021-01-01' })],
    ['role grants', '/api/v1/role-grants', () => ({ personId: adminId, role: 'secretary' })],
    ['forms', '/api/v1/forms', (id) => ({ key: `thu/bieu-mau-${id.slice(0, 8)}`, name: 'Biểu mẫu thử', schema: { components: [] } })],
    ['workflow definitions', '/api/v1/workflow-definitions', (id) => ({ key: `thu-${id.slice(0, 8)}`, name: 'Quy trình thử', document: fourStageDocument() })],
  ];
  it.each(creations)(`runs POST %s once for ${CONCURRENT} concurrent requests with one key`, async (_, path, body) => {
    const id = randomUUID();
    const send = () => t.http().post(path).set(admin).set('Idempotency-Key', `create-${id}`).send(body(id));
    const ran = expectOneRan(await Promise.all(Array.from({ length: CONCURRENT }, send)));
    expect((await send().expect(201)).text).toBe(ran.text);
  });

  it(`opens one discussion thread, then adds one comment, for ${CONCURRENT} concurrent requests with one key each`, async () => {
    const campaignId = randomUUID();
    const documentId = (await createDocument(`thread-document-${campaignId}`, documentBody(campaignId)).expect(201)).body.id;
    const openThread = () =>
      t.http().post(`/api/v1/documents/${documentId}/threads`).set(admin).set('Idempotency-Key', `thread-${campaignId}`).send({ title: 'Chỉ tiêu tại Điều 1', clauseId: 'c-1', body: 'Đề nghị làm rõ.' });
    const thread = expectOneRan(await Promise.all(Array.from({ length: CONCURRENT }, openThread)));
    expect((await t.http().get(`/api/v1/documents/${documentId}/threads`).set(admin).expect(200)).body.total).toBe(1);

    const comment = () => t.http().post(`/api/v1/threads/${thread.body.id}/comments`).set(admin).set('Idempotency-Key', `comment-${campaignId}`).send({ body: 'Ghi nhận.' });
    const ran = expectOneRan(await Promise.all(Array.from({ length: CONCURRENT }, comment)));
    expect((await comment().expect(201)).text).toBe(ran.text);
    // The thread's first comment and the one added.
    expect((await t.http().get(`/api/v1/threads/${thread.body.id}/comments`).set(admin).expect(200)).body).toHaveLength(2);
  });

  it('refuses the same key with another body (422), before or after the first completed, and runs nothing for it', async () => {
    const id = randomUUID();
    const name = `Khóa dùng lại ${id}`;
    const key = `reuse-${id}`;
    await launch(key, launchBody(name)).expect(201);
    const reused = await launch(key, launchBody(`${name} (khác)`)).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await campaignsNamed(`${name} (khác)`)).toBe(0);
    // Another endpoint with the same key is another request too.
    expect((await createDocument(key, documentBody(randomUUID())).expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('stores no failure: after a 4xx the same key runs again, with the same body or a corrected one', async () => {
    const id = randomUUID();
    const name = `Thử lại ${id}`;
    const key = `retry-${id}`;
    // Refused by validation (year out of range), then by the domain (no such workflow version): nothing stored either time.
    expect((await launch(key, { ...launchBody(name), year: 1900 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await launch(key, { ...launchBody(name), year: 1900 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await launch(key, { ...launchBody(name), workflowVersionId: randomUUID() })).status).toBe(404);
    const fixed = await launch(key, launchBody(name)).expect(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect((await launch(key, launchBody(name)).expect(201)).text).toBe(fixed.text);
    expect(await campaignsNamed(name)).toBe(1);
  });

  it('answers 409 while a reservation is held, and lets a retry take over one left by a process that died once its lease ends', async () => {
    const id = randomUUID();
    const name = `Tiến trình chết ${id}`;
    const key = `crashed-${id}`;
    const body = launchBody(name);
    // What a process that reserved the key and then died leaves behind: a pending reservation, never completed.
    const store = t.app.get(IdempotencyStore);
    const left = await store.reserve(adminId, key, requestFingerprint({ method: 'POST', originalUrl: '/api/v1/campaigns', body }));
    expect(left.kind).toBe('reserved');

    const held = await launch(key, body).expect(409);
    expect(held.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    expect(held.headers['retry-after']).toBe('1');
    expect(await campaignsNamed(name)).toBe(0);

    t.app.get(Clock).advance(IDEMPOTENCY_LEASE_MS + 1000);
    const ran = await launch(key, body).expect(201);
    expect(ran.headers['idempotent-replayed']).toBeUndefined();
    expect(await campaignsNamed(name)).toBe(1);
    // The dead process's lease is gone: it could neither store its answer nor free the key now.
    if (left.kind === 'reserved') {
      await store.complete(left, 500, '{}');
      await store.release(left);
    }
    expect((await launch(key, body).expect(201)).text).toBe(ran.text);
  });
});
