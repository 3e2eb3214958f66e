import { MikroORM } from '@mikro-orm/core';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { WebhookDelivery } from '../../src/modules/webhooks/entities/webhook-delivery.entity';
import { WebhookDeliveriesService } from '../../src/modules/webhooks/webhook-deliveries.service';
import { verifyWebhookSignature } from '../../src/modules/webhooks/webhook-signature';
import type { WebhookPayload } from '../../src/workflows/webhooks/webhook-payloads.service';
import { WebhookSweeper } from '../../src/workflows/webhooks/webhook-sweeper.service';
import { HttpsReceiver, ReceivedRequest, startHttpsReceiver } from '../support/https-receiver';
import { signInWithForm } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

type Auth = { Authorization: string };

describe('webhooks: campaign events to HTTPS endpoints, signed, retried, exactly once (e2e)', () => {
  let t: TestApp;
  let receiver: HttpsReceiver;
  let admin: Auth;
  let clusterId: string;
  let versionId: string;

  beforeAll(async () => {
    receiver = await startHttpsReceiver();
    // The receiver's certificate is trusted for webhooks only; retries come fast for the test.
    t = await startTestApp({ role: 'all', env: { WEBHOOK_CA_FILE: receiver.caFile, WEBHOOK_RETRY_DELAY_MS: '200', WEBHOOK_MAX_ATTEMPTS: '4' } });
    admin = await bearerFor(t, 'admin');
    clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    versionId = (await publishedVersion(t, 'webhook-pact', fourStageDocument())).id;
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  const register = async (path: string, events: string[]) =>
    (await t.http().post('/api/v1/webhooks').set(admin).send({ name: `Cổng nhận ${path}`, url: `${receiver.url}${path}`, events }).expect(201)).body as { id: string; secret: string };
  const launch = async (name: string) =>
    (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: versionId, name, year: 2020, clusterId }).expect(201)).body as { id: string };
  const log = async (endpointId: string) =>
    (await t.http().get(`/api/v1/webhooks/${endpointId}/deliveries`).set(admin).expect(200)).body.items as Array<Record<string, unknown>>;
  const at = (path: string) => receiver.received.filter((request) => request.path === path);
  const payloadOf = (request: ReceivedRequest) => JSON.parse(request.body) as WebhookPayload;
  const header = (request: ReceivedRequest, name: string) => String(request.headers[name.toLowerCase()]);

  it('refuses bad endpoints with coded Vietnamese and English messages, and stores nothing', async () => {
    const plain = await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'HTTP', url: 'http://hooks.example.vn/x', events: ['campaign.launched'] }).expect(422);
    expect(plain.body).toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
    expect(plain.body.message).toMatch(/^Địa chỉ “http:\/\/hooks.example.vn\/x” không dùng được/);
    const english = await t.http().post('/api/v1/webhooks?lang=en').set(admin).send({ name: 'Creds', url: 'https://user:pw@hooks.example.vn/x', events: ['campaign.launched'] }).expect(422);
    expect(english.body).toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
    expect(english.body.message).toMatch(/must be a full https:\/\/ address/);
    expect((await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'Rác', url: 'not a url', events: ['campaign.launched'] }).expect(422)).body.code).toBe('WEBHOOK_URL_INVALID');
    const unknown = await t.http().post('/api/v1/webhooks?lang=en').set(admin).send({ name: 'X', url: 'https://hooks.example.vn/x', events: ['campaign.launched', 'campaign.exploded'] }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'WEBHOOK_EVENT_UNKNOWN' });
    expect(unknown.body.message).toContain('“campaign.exploded”');
    expect((await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'X', url: 'https://hooks.example.vn/x', events: [] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'X', url: 'https://hooks.example.vn/x', events: ['campaign.launched'], secret: 'mine' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.http().get(`/api/v1/webhooks/${missing}/deliveries`).set(admin).expect(404)).body.code).toBe('WEBHOOK_NOT_FOUND');
    expect((await t.http().post(`/api/v1/webhooks/${missing}/deliveries/${missing}/redeliver`).set(admin).expect(404)).body.code).toBe('WEBHOOK_DELIVERY_NOT_FOUND');
    expect((await t.http().get('/api/v1/webhooks').set(admin).expect(200)).body.items).toEqual([]);
  });

  it('sends each launch once, signed, with names, and a stage completed; a rolled-back launch sends nothing', async () => {
    const endpoint = await register('/launches', ['campaign.launched', 'stage.completed']);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = (await t.http().get(`/api/v1/webhooks/${endpoint.id}`).set(admin).expect(200)).body;
    expect(listed).toMatchObject({ events: ['campaign.launched', 'stage.completed'], secretHint: `…${endpoint.secret.slice(-4)}` });
    expect(listed).not.toHaveProperty('secret');

    // The launch wizard's preview runs the engine's own launch and rolls it back: its campaign.launched must not be sent.
    await t.http().post('/api/v1/campaign-launches/preview').set(admin).send({ workflowVersionId: versionId, year: 2020, subjectKind: 'cluster', clusterId }).expect(200);
    const campaigns = [await launch('Giao ước 2020 — đợt 1'), await launch('Giao ước 2020 — đợt 2'), await launch('Giao ước 2020 — đợt 3')];
    const launches = await waitFor(async () => (at('/launches').length >= 3 ? at('/launches') : undefined), 'three launches received');

    // The head approves the draft of the first campaign: its stage.completed follows.
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const task = (await t.http().get(`/api/v1/inbox?campaignId=${campaigns[0].id}`).set(head).expect(200)).body.tasks[0];
    await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
    await waitFor(async () => (at('/launches').length >= 4 ? true : undefined), 'the stage.completed received');
    await waitFor(async () => ((await log(endpoint.id)).every((delivery) => delivery.status === 'delivered') ? true : undefined), 'every delivery logged as delivered');

    const received = at('/launches');
    expect(received).toHaveLength(4);
    expect(launches.slice(0, 3).map((request) => payloadOf(request).campaign.id).sort()).toEqual(campaigns.map((campaign) => campaign.id).sort());
    for (const request of received) {
      expect(verifyWebhookSignature(endpoint.secret, request.body, header(request, 'X-Thidua-Signature')).valid).toBe(true);
      expect(verifyWebhookSignature('whsec_another', request.body, header(request, 'X-Thidua-Signature')).valid).toBe(false);
      expect(header(request, 'X-Thidua-Delivery')).toBe(payloadOf(request).id);
      expect(header(request, 'X-Thidua-Event')).toBe(payloadOf(request).event);
    }
    expect(new Set(received.map((request) => header(request, 'X-Thidua-Delivery'))).size).toBe(4);
    const first = received.map(payloadOf).find((payload) => payload.event === 'campaign.launched' && payload.campaign.id === campaigns[0].id)!;
    expect(first).toMatchObject({
      event: 'campaign.launched',
      campaign: {
        name: 'Giao ước 2020 — đợt 1',
        year: 2020,
        workflow: { key: 'webhook-pact', name: { vi: 'Giao ước thử nghiệm', en: 'Test pact' }, version: 1 },
        subject: { kind: 'cluster', id: clusterId, name: 'Cụm thi đua số 6' },
      },
      stage: null,
      data: { workflow: 'webhook-pact', year: 2020 },
      history: { seq: 1 },
    });
    const completed = received.map(payloadOf).find((payload) => payload.event === 'stage.completed')!;
    expect(completed).toMatchObject({
      campaign: { id: campaigns[0].id, name: 'Giao ước 2020 — đợt 1' },
      stage: { key: 'draft-review', name: { vi: 'Cụm trưởng duyệt dự thảo', en: 'Cụm trưởng duyệt dự thảo' }, type: 'review' },
      data: { stage: 'draft-review', outcome: 'approved' },
    });

    // The log: one row per event, each delivered at the first attempt with the receiver's 200.
    const entries = await log(endpoint.id);
    expect(entries).toHaveLength(4);
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ eventType: 'campaign.launched', campaignName: 'Giao ước 2020 — đợt 2', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null })]));
    // Nothing of the preview was written: four deliveries in the database, for the three campaigns launched.
    const rows = await t.app.get(MikroORM).em.fork().find(WebhookDelivery, { endpoint: endpoint.id });
    expect(new Set(rows.map((row) => row.campaignId))).toEqual(new Set(campaigns.map((campaign) => campaign.id)));
    await t.http().delete(`/api/v1/webhooks/${endpoint.id}`).set(admin).expect(204);
  });

  it('retries a delivery the receiver refused (500, then 200) and logs the attempts; sends again on request', async () => {
    const endpoint = await register('/flaky', ['campaign.launched']);
    const seen = new Set<string>();
    receiver.answer = (request) => {
      if (request.path !== '/flaky') return 200;
      const delivery = header(request, 'X-Thidua-Delivery');
      if (seen.has(delivery)) return 200;
      seen.add(delivery);
      return 500;
    };
    const campaign = await launch('Giao ước 2020 — thử lại');
    const [delivery] = await waitFor(async () => {
      const entries = await log(endpoint.id);
      return entries[0]?.status === 'delivered' ? entries : undefined;
    }, 'the delivery delivered after a retry');
    expect(delivery).toMatchObject({ eventType: 'campaign.launched', campaignId: campaign.id, campaignName: 'Giao ước 2020 — thử lại', status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });
    const requests = at('/flaky');
    expect(requests).toHaveLength(2);
    // The same delivery, body and id both times; each signed.
    expect(requests[1].body).toBe(requests[0].body);
    expect(requests.map((request) => header(request, 'X-Thidua-Delivery'))).toEqual([delivery.id, delivery.id]);
    for (const request of requests) expect(verifyWebhookSignature(endpoint.secret, request.body, header(request, 'X-Thidua-Signature')).valid).toBe(true);

    // Sent again on request; while that attempt is under way (the receiver holds its answer), not a second time.
    let release!: () => void;
    const held = new Promise<number>((resolve) => (release = () => resolve(200)));
    receiver.answer = (request) => (request.path === '/flaky' ? held : 200);
    const again = await t.http().post(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`).set(admin).expect(202);
    expect(again.body).toMatchObject({ id: delivery.id, status: 'pending' });
    await waitFor(async () => (at('/flaky').length === 3 ? true : undefined), 'the redelivery under way');
    expect((await t.http().post(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`).set(admin).expect(409)).body.code).toBe('WEBHOOK_DELIVERY_IN_PROGRESS');
    // A second run of the job meanwhile (a job may run twice) finds the delivery held and sends nothing.
    const build = () => Promise.reject(new Error('the body is already fixed'));
    expect(await t.app.get(WebhookDeliveriesService).attempt(delivery.id as string, { final: false, retryInMs: 0, build })).toBe('busy');
    expect(at('/flaky')).toHaveLength(3);
    release();
    await waitFor(async () => {
      const [entry] = await log(endpoint.id);
      return entry.status === 'delivered' && entry.attempts === 3 ? true : undefined;
    }, 'the redelivery delivered');
    expect(at('/flaky')).toHaveLength(3);
    expect(at('/flaky')[2].body).toBe(requests[0].body);
    // And once finished, another run has nothing to do.
    expect(await t.app.get(WebhookDeliveriesService).attempt(delivery.id as string, { final: false, retryInMs: 0, build })).toBe('finished');
    expect(at('/flaky')).toHaveLength(3);
  });

  it('marks a delivery failed after its last attempt, with the last answer and error', async () => {
    const endpoint = await register('/down', ['campaign.launched']);
    receiver.answer = (request) => (request.path === '/down' ? 503 : 200);
    await launch('Giao ước 2020 — không nhận');
    const [delivery] = await waitFor(async () => {
      const entries = await log(endpoint.id);
      return entries[0]?.status === 'failed' ? entries : undefined;
    }, 'the delivery failed');
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null });
    expect(at('/down')).toHaveLength(4);
  });

  it('queues again a pending delivery whose job was lost (the sweep), whether the job is gone or already finished', async () => {
    const endpoint = await register('/swept', ['campaign.launched']);
    receiver.answer = () => 200;
    await launch('Giao ước 2020 — quét lại');
    const [delivery] = await waitFor(async () => {
      const entries = await log(endpoint.id);
      return entries[0]?.status === 'delivered' ? entries : undefined;
    }, 'the first delivery');
    const sweeper = t.app.get(WebhookSweeper);
    const em = t.app.get(MikroORM).em.fork();
    const overdue = new Date(Date.now() - 10 * 60_000);
    expect(await sweeper.sweep()).toBe(0);

    // Pending again under a generation whose job never reached Redis: the sweep adds it, and it is sent.
    await em.nativeUpdate(WebhookDelivery, { id: delivery.id as string }, { status: 'pending', generation: 2, nextAttemptAt: overdue });
    expect(await sweeper.sweep()).toBe(1);
    await waitFor(async () => (at('/swept').length === 2 && (await log(endpoint.id))[0].status === 'delivered' ? true : undefined), 'the swept delivery sent');
    // Pending again while its job (generation 2) is finished: that job is replaced, and it is sent once more.
    await em.nativeUpdate(WebhookDelivery, { id: delivery.id as string }, { status: 'pending', nextAttemptAt: overdue });
    expect(await sweeper.sweep()).toBe(1);
    await waitFor(async () => (at('/swept').length === 3 && (await log(endpoint.id))[0].status === 'delivered' ? true : undefined), 'the second swept delivery sent');
    expect(await sweeper.sweep()).toBe(0);
    expect((await log(endpoint.id))[0]).toMatchObject({ attempts: 3, status: 'delivered' });

    // The administrators' page shows the log by names, in Vietnamese or English; an officer is refused.
    const { cookie, csrfToken } = await signInWithForm(t, 'admin');
    const page = (await t.http().get('/admin/webhooks').set('Cookie', cookie).expect(200)).text;
    expect(page).toContain('Nhật ký gửi của “Cổng nhận /swept”');
    expect(page).toMatch(/Giao ước 2020 — quét lại<\/a><\/td>\s*<td><strong>Đã gửi<\/strong><\/td>\s*<td>3<\/td>\s*<td>200<\/td>/);
    expect(page).toContain(`${receiver.url}/swept`);
    expect(page).not.toContain(endpoint.secret);
    const english = (await t.http().get('/admin/webhooks?lang=en').set('Cookie', cookie).expect(200)).text;
    expect(english).toContain('Delivery log of “Cổng nhận /swept”');
    expect(english).toContain('<strong>Delivered</strong>');
    // Its "send again" button: a form post with the page's CSRF token.
    const posted = await t.http().post(`/admin/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`).set('Cookie', cookie).type('form').send({ _csrf: csrfToken });
    expect([posted.status, posted.headers.location]).toEqual([303, '/admin/webhooks?flash=redelivered']);
    await waitFor(async () => (at('/swept').length === 4 ? true : undefined), 'the delivery sent again from the page');
    const officer = await signInWithForm(t, 'hatinh.canbo');
    await t.http().get('/admin/webhooks').set('Cookie', officer.cookie).expect(403);
  });
});
