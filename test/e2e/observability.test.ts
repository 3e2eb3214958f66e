import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { bearerFor, DEMO_PASSWORD, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

type Auth = { Authorization: string };

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The value of one sample of the text exposition format, matching the given labels (in any order). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** review by the cluster head → a stage assigned to a unit that does not exist, so approving fails and rolls back. */
const brokenDocument: WorkflowDocument = {
  name: { vi: 'Quy trình hỏng', en: 'Broken workflow' },
  subject: 'cluster',
  start: 'review',
  stages: {
    review: { type: 'review', assignees: ['cluster-head'], on: { approved: 'ghost', returned: 'review' } },
    ghost: { type: 'acknowledge', assignees: [{ unit: 'KHONG-TON-TAI' }], on: { acknowledged: 'done' } },
    done: { type: 'end' },
  },
};

/** What Prometheus is configured to send. */
const SCRAPER_TOKEN = 'scraper-token-for-the-observability-test-0001';

describe('observability: /metrics and Bull Board at /admin/queues (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let clusterId: string;
  let maintenance: Queue;

  beforeAll(async () => {
    t = await startTestApp({ role: 'all', env: { METRICS_TOKEN: SCRAPER_TOKEN } });
    admin = await bearerFor(t, 'admin');
    clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    maintenance = new Queue(QUEUES.maintenance, { prefix: t.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
  });
  afterAll(async () => {
    await maintenance?.close();
    await t?.close();
  });

  const metrics = async () => {
    const response = await t.http().get('/metrics').set('Authorization', `Bearer ${SCRAPER_TOKEN}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;/);
    expect(response.headers['content-type']).toContain('version=0.0.4');
    return response.text;
  };
  const launch = async (key: string, document: WorkflowDocument) => {
    const version = await publishedVersion(t, key, document);
    return (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name: key, year: 2020, clusterId }).expect(201)).body as { id: string };
  };
  const headTask = async (head: Auth, campaignId: string) => (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(head).expect(200)).body.tasks[0] as { id: string };
  const signInCookies = async (username: string) => {
    const response = await t.http().post('/api/v1/auth/sign-in').send({ username, password: DEMO_PASSWORD }).expect(200);
    const cookies = response.headers['set-cookie'] as unknown as string[];
    const cookie = (name: string) => cookies.find((c) => c.startsWith(`${name}=`))!.split(';')[0];
    return { access: cookie('thidua_access'), refresh: cookie('thidua_refresh') };
  };

  describe('GET /metrics', () => {
    it('answers only the scraper token and administrators', async () => {
      expect((await t.http().get('/metrics').set('Accept-Language', 'en').expect(401)).body).toEqual({ code: 'UNAUTHENTICATED', message: 'You must sign in.' });
      expect((await t.http().get('/metrics').set('Authorization', `Bearer ${SCRAPER_TOKEN}x`).expect(401)).body.code).toBe('TOKEN_INVALID');
      const officer = await bearerFor(t, 'nghean.canbo');
      expect((await t.http().get('/metrics').set(officer).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      expect((await t.http().get('/metrics').set(admin).expect(200)).text).toContain('# TYPE thidua_queue_jobs gauge');
      const { access } = await signInCookies('admin');
      await t.http().get('/metrics').set('Cookie', access).expect(200);
      expect(await metrics()).toContain('# TYPE thidua_queue_jobs gauge');
    });

    it('answers the text format with process, queue and engine metrics, with the scraper token and outside Swagger', async () => {
      const text = await metrics();
      for (const name of ['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) expect(text).toContain(`# TYPE ${name} `);
      expect(text).toContain('# TYPE thidua_queue_jobs gauge');
      expect(text).toContain('# TYPE thidua_job_duration_seconds histogram');
      expect(text).toContain('# TYPE thidua_campaign_commands_total counter');
      expect(text).toContain('# TYPE thidua_stage_transitions_total counter');
      for (const queue of Object.values(QUEUES)) {
        for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) expect(sample(text, 'thidua_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
      }
      const swagger = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
      expect(Object.keys(swagger.paths)).not.toContain('/metrics');
      expect(Object.keys(swagger.paths).some((path) => path.startsWith('/admin'))).toBe(false);
    });

    it('reads queue depths at scrape time and measures the jobs the worker completes', async () => {
      await maintenance.add('refresh-token.purge', {}, { delay: 3600 * 1000, jobId: 'observability-delayed' });
      expect(sample(await metrics(), 'thidua_queue_jobs', { queue: QUEUES.maintenance, state: 'delayed' })).toBeGreaterThanOrEqual(1);

      await maintenance.add('refresh-token.purge', {}, { jobId: 'observability-now' });
      const labels = { queue: QUEUES.maintenance, name: 'refresh-token.purge' };
      const text = await until(async () => {
        const scraped = await metrics();
        return (sample(scraped, 'thidua_job_duration_seconds_count', labels) ?? 0) >= 1 ? scraped : undefined;
      }, 'the purge job to be measured');
      const count = sample(text, 'thidua_job_duration_seconds_count', labels);
      expect(sample(text, 'thidua_job_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(count);
      expect(sample(text, 'thidua_job_duration_seconds_sum', labels)).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'thidua_queue_jobs', { queue: QUEUES.maintenance, state: 'completed' })).toBeGreaterThanOrEqual(1);
    });

    it('counts commands by result and stage transitions once committed', async () => {
      const head = await bearerFor(t, 'thanhhoa.vientruong');
      const counters = async () => {
        const text = await metrics();
        return {
          launched: sample(text, 'thidua_campaign_commands_total', { command: 'launch', result: 'ok' }) ?? 0,
          approved: sample(text, 'thidua_campaign_commands_total', { command: 'task.approve', result: 'ok' }) ?? 0,
          refused: sample(text, 'thidua_campaign_commands_total', { command: 'task.return', result: 'COMMENT_REQUIRED' }) ?? 0,
          rolledBack: sample(text, 'thidua_campaign_commands_total', { command: 'task.approve', result: 'ASSIGNEE_NOT_FOUND' }) ?? 0,
          reviewApproved: sample(text, 'thidua_stage_transitions_total', { stage_type: 'review', outcome: 'approved' }) ?? 0,
        };
      };
      const before = await counters();

      const campaign = await launch('metrics-pact', fourStageDocument());
      const task = await headTask(head, campaign.id);
      await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(head).send({ command: 'return' }).expect(422);
      await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
      expect(await counters()).toEqual({ ...before, launched: before.launched + 1, approved: before.approved + 1, refused: before.refused + 1, reviewApproved: before.reviewApproved + 1 });

      // Approving here fails when entering the next stage: the transaction rolls back, so no transition is counted.
      const broken = await launch('metrics-broken', brokenDocument);
      const brokenTask = await headTask(head, broken.id);
      expect((await t.http().post(`/api/v1/tasks/${brokenTask.id}/commands`).set(head).send({ command: 'approve' }).expect(422)).body.code).toBe('ASSIGNEE_NOT_FOUND');
      const after = await counters();
      expect(after.rolledBack).toBe(before.rolledBack + 1);
      expect(after.reviewApproved).toBe(before.reviewApproved + 1);
    });
  });

  describe('Bull Board at /admin/queues', () => {
    it('answers 401 with a coded error without a session, and sends a browser to sign in', async () => {
      const api = await t.http().get('/admin/queues').set('Accept-Language', 'en').expect(401);
      expect(api.body).toEqual({ code: 'UNAUTHENTICATED', message: 'You must sign in.' });
      expect((await t.http().get('/admin/queues/api/queues').expect(401)).body.code).toBe('UNAUTHENTICATED');
      expect((await t.http().get('/admin/queues/api/queues').set('Authorization', 'Bearer not-a-token').expect(401)).body.code).toBe('TOKEN_INVALID');

      const page = await t.http().get('/admin/queues').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(303);
      const location = new URL(page.headers.location, 'http://thidua.test');
      expect(location.pathname).toBe('/sign-in');
      expect(location.searchParams.get('next')).toBe('/admin/queues');
    });

    it('answers 403 to a signed-in person who is not an administrator', async () => {
      const officer = await bearerFor(t, 'nghean.canbo');
      expect((await t.http().get('/admin/queues').set(officer).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      const { access } = await signInCookies('nghean.canbo');
      const page = await t.http().get('/admin/queues').set('Cookie', access).set('Accept', 'text/html').expect(403);
      expect(page.body.code).toBe('FORBIDDEN_ROLE');
      await t.http().put(`/admin/queues/api/queues/${QUEUES.maintenance}/pause`).set('Cookie', access).expect(403);
    });

    it('serves the dashboard to an administrator with the session cookie, entirely from this server', async () => {
      const { access, refresh } = await signInCookies('admin');
      const page = await t.http().get('/admin/queues').set('Cookie', access).set('Accept', 'text/html').expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      const html = page.text;
      expect(html).toContain('<div id="root">');
      expect(html).not.toMatch(/googleapis|gstatic/);
      // Every stylesheet, script and icon is a relative URL under the dashboard's base path.
      const resources = [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
      expect(resources.length).toBeGreaterThanOrEqual(3);
      for (const resource of resources) expect(resource).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      expect(html).toContain('<base href="/admin/queues/"');
      for (const script of resources.filter((r) => r.endsWith('.js'))) {
        await t.http().get(`/admin/queues/${script}`).set('Cookie', access).expect(200).expect('Content-Type', /javascript/);
      }

      const queues = (await t.http().get('/admin/queues/api/queues').set('Cookie', access).expect(200)).body as { queues: Array<{ name: string }> };
      // Every queue of the product, the webhooks' and the mail's included.
      expect(queues.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
      expect((await t.http().get('/admin/queues/api/queues').set(admin).expect(200)).body.queues).toHaveLength(Object.values(QUEUES).length);

      // An expired access cookie: the page renews the session from the refresh cookie, like the other pages.
      const renewed = await t.http().get('/admin/queues').set('Cookie', refresh).set('Accept', 'text/html').expect(200);
      expect((renewed.headers['set-cookie'] as unknown as string[]).some((c) => c.startsWith('thidua_access='))).toBe(true);
    });
  });
});
