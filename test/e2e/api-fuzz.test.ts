import fc from 'fast-check';
import { Response } from 'supertest';
import { clusterPactFixture } from '../support/cluster-pact';
import { Actor, describeRequest, FuzzRequest, IdPools, OpenApiDocument, Operation, operationsOf, requestsFor } from '../support/openapi-fuzz';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** Fixed, so a failure is the same on every run and machine; change it only together with the thresholds below. */
const SEED = 20200504;
/** Requests per operation (before any shrinking): ~125 operations × 20 ≈ 2,500 requests per database. */
const RUNS_PER_OPERATION = 20;
const OFFICER = 'thanhhoa.canbo';
const OFFICER_UNIT = 'VKS-THA';

interface Failure {
  request: FuzzRequest;
  status: number | string;
  body: string;
}

/**
 * Requests generated from the OpenAPI document of the running app, each operation's parameters and JSON body after
 * its schemas with hostile values mixed in, as an administrator, an officer or (signing in) anonymously: no answer is
 * a 5xx, and every 4xx is a coded error `{ code, message }`.
 */
describe('API fuzz (e2e)', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let operations: Operation[];
  const pools: IdPools = {};
  const as: Record<Exclude<Actor, 'anonymous'>, Auth> = {} as never;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    const fixture = await clusterPactFixture(t);
    const { campaignId, documentId } = await fixture.launchToDiscussion('Giao ước thử nghiệm fuzz');
    as.admin = fixture.admin;
    as.officer = await bearerFor(t, OFFICER);
    const officerMe = (await t.http().get('/api/v1/auth/me').set(as.officer).expect(200)).body;
    const adminMe = (await t.http().get('/api/v1/auth/me').set(as.admin).expect(200)).body;

    // Something of every kind to point at: a thread with a comment, a poll, besides the campaign and its document.
    const officerActing = { ...as.officer, 'X-Acting-Unit': OFFICER_UNIT };
    const thread = (await t.http().post(`/api/v1/documents/${documentId}/threads`).set(officerActing).send({ title: 'Điều 1', clauseId: 'c-1', body: 'Đề nghị sửa điều 1.' }).expect(201)).body;
    await t.http().post(`/api/v1/threads/${thread.id}/comments`).set(officerActing).send({ body: 'Thống nhất với ý kiến của @VKS-NAN.' }).expect(201);
    const version = (await t.http().get(`/api/v1/documents/${documentId}`).set(as.admin).expect(200)).body.latest;
    const units = (await t.http().get('/api/v1/units?limit=500').set(as.admin).expect(200)).body.items as { id: string; code: string }[];
    const poll = await t
      .http()
      .post('/api/v1/polls')
      .set(as.admin)
      .send({ subject: { kind: 'document-version', id: version.id, hash: version.contentHash, label: 'Phiên bản 1' }, electorate: { kind: 'units', unitIds: units.slice(0, 6).map((unit) => unit.id) }, rule: {} })
      .expect(201);

    // Ids by resource, leaving out what the fuzz must not take from under itself: the administrator and the officer
    // (a new password or an archive would sign them out), their role grants and mandates, the officer's unit.
    const spared = new Set<string>([adminMe.personId, officerMe.personId, ...officerMe.mandates.map((mandate: { id: string; unitId: string }) => mandate.id), units.find((unit) => unit.code === OFFICER_UNIT)!.id]);
    const add = (pool: string, ids: unknown[]) => {
      const kept = ids.filter((id): id is string => typeof id === 'string' && !spared.has(id));
      pools[pool] = [...new Set([...(pools[pool] ?? []), ...kept])];
    };
    const list = async (path: string, auth: Auth = as.admin): Promise<{ id: string }[]> => {
      const body = (await t.http().get(path).set(auth).expect(200)).body;
      return Array.isArray(body) ? body : (body.items ?? body.tasks ?? []);
    };
    add('units', units.map((unit) => unit.id));
    add('people', (await list('/api/v1/people?limit=500')).map((person) => person.id));
    add('mandates', (await list('/api/v1/mandates?limit=500')).map((mandate) => mandate.id));
    add('clusters', (await list('/api/v1/clusters?limit=500')).map((cluster) => cluster.id));
    const grants = (await list('/api/v1/role-grants?limit=500')) as unknown as { id: string; person: { id: string } }[];
    add('role-grants', grants.filter((grant) => grant.person.id !== adminMe.personId).map((grant) => grant.id));
    add('documents', (await list('/api/v1/documents?limit=500')).map((item) => item.id));
    add('campaigns', [campaignId, ...(await list('/api/v1/campaigns')).map((campaign) => campaign.id)]);
    add('threads', [thread.id]);
    add('comments', (await list(`/api/v1/threads/${thread.id}/comments`)).map((comment) => comment.id));
    add('polls', [poll.body.id]);
    add('tasks', [...(await list('/api/v1/inbox', as.officer)), ...(await list('/api/v1/inbox', fixture.head)), ...(await list('/api/v1/inbox'))].map((task) => task.id));
    add('notifications', (await list('/api/v1/notifications', as.officer)).map((notice) => notice.id));
    add('discussion-notices', (await list('/api/v1/discussion-notices', as.officer)).map((notice) => notice.id));
    for (const form of await list('/api/v1/forms?limit=100')) {
      add('forms', [form.id]);
      add('form-versions', (await list(`/api/v1/forms/${form.id}/versions`)).map((item) => item.id));
    }
    for (const definition of await list('/api/v1/workflow-definitions?limit=100')) {
      add('workflow-definitions', [definition.id]);
      add('workflow-versions', (await list(`/api/v1/workflow-definitions/${definition.id}/versions`)).map((item) => item.id));
    }

    document = (await t.http().get('/api/docs-json').expect(200)).body;
    // Signing in, refreshing and signing out last: failed sign-ins may throttle the accounts the fuzz signs in again.
    operations = operationsOf(document).sort((a, b) => Number(a.path.startsWith('/api/v1/auth/')) - Number(b.path.startsWith('/api/v1/auth/')));
  }, 300_000);
  afterAll(() => t?.close());

  async function send(request: FuzzRequest): Promise<Response> {
    let call = t.http()[request.method](request.url).set('Accept-Language', 'en').set(request.headers);
    if (request.actor !== 'anonymous') call = call.set(as[request.actor]);
    return request.body === undefined ? call : call.send(request.body);
  }

  /** Why the answer breaks the property, or undefined when it keeps it. */
  function violation(request: FuzzRequest, response: Response): string | undefined {
    if (response.status >= 500) return `answered ${response.status}`;
    // Node's HTTP parser answers a request line and headers past its 16 KiB itself, before the app could write a body.
    if (response.status === 431 && Buffer.byteLength(request.url) + Object.values(request.headers).join('').length > 16 * 1024) return undefined;
    if (response.status >= 400 && (typeof response.body?.code !== 'string' || typeof response.body?.message !== 'string')) return `answered ${response.status} without { code, message }`;
    return undefined;
  }

  it('refuses what the fuzz found with a coded 400: a number JSON reads as Infinity, before the Idempotency-Key is hashed', async () => {
    const [documentId] = pools.documents;
    const thread = await t
      .http()
      .post(`/api/v1/documents/${documentId}/threads`)
      .set(as.officer)
      .set({ 'X-Acting-Unit': OFFICER_UNIT, 'Idempotency-Key': 'fuzz-infinity', 'Content-Type': 'application/json', 'Accept-Language': 'en' })
      .send('{"title":"Điều 1","body":"Ý kiến","versionNumber":1e400}')
      .expect(400);
    expect(thread.body).toEqual({ code: 'VALIDATION_FAILED', message: 'Invalid data: versionNumber.', details: [{ field: 'versionNumber', problems: ['versionNumber must be a finite number'] }] });
    const unit = await t.http().post('/api/v1/units').set(as.admin).set('Content-Type', 'application/json').send('{"code":"VKS-INF","name":"Vô hạn","x":[-1e999]}').expect(400);
    expect(unit.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'x[0]' }] });
    // The key was never taken: the corrected request runs with it.
    await t
      .http()
      .post(`/api/v1/documents/${documentId}/threads`)
      .set(as.officer)
      .set({ 'X-Acting-Unit': OFFICER_UNIT, 'Idempotency-Key': 'fuzz-infinity' })
      .send({ title: 'Điều 1', body: 'Ý kiến', versionNumber: 1 })
      .expect(201);
  });

  it('answers thousands of generated, partly hostile requests on every operation without a 5xx, every 4xx coded', async () => {
    const statuses = new Map<string, number[]>();
    const failures: Failure[] = [];
    let lastSignIn = 0;

    for (const [index, operation] of operations.entries()) {
      // Fresh tokens now and then, so that a long run on a loaded machine never outlives the access tokens.
      if (index - lastSignIn >= 25 && !operation.path.startsWith('/api/v1/auth/')) {
        as.admin = await bearerFor(t, 'admin');
        as.officer = await bearerFor(t, OFFICER);
        lastSignIn = index;
      }
      const counted: number[] = [];
      statuses.set(operation.name, counted);
      const actsForUnit = operation.parameters.some((parameter) => parameter.name === 'X-Acting-Unit');
      const actors = fc.oneof({ weight: actsForUnit ? 1 : 3, arbitrary: fc.constant<Actor>('admin') }, { weight: actsForUnit ? 3 : 1, arbitrary: fc.constant<Actor>('officer') });
      const requests = fc.oneof(
        { weight: 2, arbitrary: requestsFor(operation, { document, pools, hostile: false }, actors, OFFICER_UNIT) },
        { weight: 3, arbitrary: requestsFor(operation, { document, pools, hostile: true }, actors, OFFICER_UNIT) },
      );
      let last: { status: number | string; body: string } = { status: '', body: '' };
      const details = await fc.check(
        fc.asyncProperty(requests, async (request) => {
          let response: Response;
          try {
            response = await send(request);
          } catch (error) {
            last = { status: 'no answer', body: String(error) };
            return false;
          }
          counted.push(response.status);
          last = { status: response.status, body: response.text?.slice(0, 800) ?? '' };
          return violation(request, response) === undefined;
        }),
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: false },
      );
      if (details.failed && details.counterexample) {
        // Shrunk: the last failing run is the smallest request fast-check found; send it once more for its answer.
        const [request] = details.counterexample;
        try {
          const response = await send(request);
          last = { status: response.status, body: response.text?.slice(0, 800) ?? '' };
        } catch (error) {
          last = { status: 'no answer', body: String(error) };
        }
        failures.push({ request, ...last });
      }
    }

    const report = failures.map((failure) => `${describeRequest(failure.request)}\n→ ${failure.status} ${failure.body}`).join('\n\n');
    expect(report).toBe('');

    // Not vacuous: every operation exercised, thousands of requests, many past validation and many refused.
    const all = [...statuses.values()].flat();
    const share = (test: (status: number) => boolean) => all.filter(test).length / all.length;
    expect(operations.length).toBeGreaterThanOrEqual(120);
    expect([...statuses.values()].filter((list) => list.length >= RUNS_PER_OPERATION)).toHaveLength(operations.length);
    expect(all.length).toBeGreaterThanOrEqual(operations.length * RUNS_PER_OPERATION);
    expect(share((status) => status >= 200 && status < 300)).toBeGreaterThan(0.15);
    expect(share((status) => status >= 400 && status < 500)).toBeGreaterThan(0.3);
    expect(all).toContain(413);
    const succeeded = [...statuses.entries()].filter(([, list]) => list.some((status) => status < 300)).map(([name]) => name);
    expect(succeeded.length).toBeGreaterThanOrEqual(operations.length / 2);

    // The process survived it all.
    await t.http().get('/health').expect(200);
  }, 1_200_000);
});
