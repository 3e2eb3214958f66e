import type { Response } from 'supertest';
import { QUEUES } from '../../src/queue/queue-names';
import { Auth, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { openPage, pageSessions, signInWithForm, withCookies } from '../support/page-session';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** supertest's Host is a random port: every request here names the site, so that Origin can be this site's or not. */
const SITE = 'thidua.test';
const SAME_ORIGIN = { Host: SITE, Origin: `http://${SITE}`, 'Sec-Fetch-Site': 'same-origin' };
/** A page of the same site on another port, as in the report: `same-site`, never `same-origin`. */
const OTHER_PORT = { Host: SITE, Origin: `http://${SITE}:8080`, 'Sec-Fetch-Site': 'same-site' };

const setCookies = (response: Response): string[] => ([] as string[]).concat(response.headers['set-cookie'] ?? []);
const withoutCookie = (cookie: string, name: string) =>
  cookie
    .split('; ')
    .filter((pair) => !pair.startsWith(`${name}=`))
    .join('; ');

describe('CSRF defence: forged page forms, form-encoded API calls and login CSRF are refused (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let pages: ReturnType<typeof pageSessions>;
  let head: Auth;

  beforeAll(async () => {
    t = await startTestApp();
    pact = await clusterPactFixture(t);
    head = pact.head;
    pages = pageSessions(t);
  });
  afterAll(() => t?.close());

  /** The head's discussion task of a campaign, and whether it is still open. */
  const discussionTask = async (campaignId: string): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(head).expect(200)).body;
    return inbox.tasks.find((task: { stageKey: string }) => task.stageKey === 'discussion').id;
  };
  const taskStatus = async (taskId: string): Promise<string> => (await t.http().get(`/api/v1/tasks/${taskId}`).set(head).expect(200)).body.status;
  const closeDiscussion = (taskId: string, cookie: string, headers: Record<string, string> = {}, form: Record<string, string> = {}) =>
    t.http().post(`/inbox/tasks/${taskId}/commands`).set(headers).set('Cookie', cookie).type('form').send({ command: 'close', ...form });

  it("a form on another port of the same site cannot close the head's discussion; the inbox page's own form can", async () => {
    const { campaignId } = await pact.launchToDiscussion('Giao ước 2020 – chống giả mạo biểu mẫu');
    const taskId = await discussionTask(campaignId);
    const victim = await pages.session('thanhhoa.vientruong');

    // The attack as reported: the victim's cookies ride along, the browser says where the form came from.
    const forged = await closeDiscussion(taskId, victim.cookie, OTHER_PORT).expect(403);
    expect(forged.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(forged.text).toContain('Yêu cầu gửi từ một trang web khác bị từ chối');
    const english = await closeDiscussion(taskId, `${victim.cookie}; lang=en`, { Host: SITE, Origin: `http://${SITE}:8080` }).expect(403);
    expect(english.text).toContain('A request sent from another site was refused');
    // A browser that says nothing about the origin still lacks the token, which only the page holds.
    const tokenless = await closeDiscussion(taskId, victim.cookie).expect(403);
    expect(tokenless.text).toContain('Biểu mẫu đã hết hạn hoặc thiếu mã chống giả mạo');
    // Nor does a token of another session help, with its cookie planted from a sibling site.
    const attacker = await signInWithForm(t, 'nghean.canbo');
    const attackerCsrfCookie = attacker.cookie.split('; ').find((pair) => pair.startsWith('thidua_csrf='))!;
    const planted = `${withoutCookie(victim.cookie, 'thidua_csrf')}; ${attackerCsrfCookie}`;
    await closeDiscussion(taskId, planted, {}, { _csrf: attacker.csrfToken }).expect(403);
    expect(await taskStatus(taskId)).toBe('open');

    // The inbox page's form: this origin, and the token the page put in it.
    const inbox = await openPage(t, '/inbox', victim.cookie);
    expect(inbox.csrfToken).toBe(victim.csrfToken);
    // Closing cannot be undone: the page offers a closing comment and a box to tick, and refuses the command without it.
    const inboxPage = (await t.http().get('/inbox').set('Cookie', inbox.cookie).expect(200)).text;
    expect(inboxPage).toContain('Ý kiến kết luận (không bắt buộc)');
    expect(inboxPage).toMatch(/<input type="checkbox" id="close-confirm-[^"]+" name="confirm" value="yes" required>/);
    const unconfirmed = await closeDiscussion(taskId, inbox.cookie, SAME_ORIGIN, { _csrf: inbox.csrfToken, comment: 'Kết thúc.' }).expect(400);
    expect(unconfirmed.text).toContain('Hãy đánh dấu ô xác nhận: &quot;Kết thúc thảo luận&quot; không thể hoàn tác.');
    expect(unconfirmed.text).toContain('>Kết thúc.</textarea>');
    expect(await taskStatus(taskId)).toBe('open');
    await closeDiscussion(taskId, inbox.cookie, SAME_ORIGIN, { _csrf: inbox.csrfToken, confirm: 'yes', comment: 'Kết thúc, chuyển sang biểu quyết.' }).expect(303);
    expect(await taskStatus(taskId)).toBe('done');
  });

  it('the JSON API takes the session cookie only with a JSON body and the CSRF token', async () => {
    const session = await signInWithForm(t, 'hatinh.canbo');
    const stillSignedIn = () => t.http().get('/api/v1/auth/me').set('Cookie', session.cookie).expect(200);

    const formEncoded = await t.http().post('/api/v1/auth/sign-out').set('Cookie', session.cookie).set('Accept-Language', 'en').type('form').send({ refreshToken: 'x' }).expect(415);
    expect(formEncoded.body).toEqual({ code: 'API_JSON_REQUIRED', message: 'Without an Authorization: Bearer header, the API accepts only JSON bodies (Content-Type: application/json).' });
    const plainText = await t.http().post('/api/v1/auth/sign-out').set('Cookie', session.cookie).set('Content-Type', 'text/plain').send('{}').expect(415);
    expect(plainText.body.code).toBe('API_JSON_REQUIRED');
    const crossSite = await t.http().post('/api/v1/auth/sign-out').set(OTHER_PORT).set('Cookie', session.cookie).send({}).expect(403);
    expect(crossSite.body.code).toBe('CROSS_SITE_REQUEST');
    const tokenless = await t.http().post('/api/v1/auth/sign-out').set('Cookie', session.cookie).send({}).expect(403);
    expect(tokenless.body.code).toBe('CSRF_TOKEN_INVALID');
    await stillSignedIn();

    // As the Form.io pages call it: JSON, and the token in a header.
    await t.http().post('/api/v1/auth/sign-out').set(SAME_ORIGIN).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken).send({}).expect(204);
    await t.http().get('/api/v1/auth/me').set('Cookie', session.cookie).expect(401);
  });

  it('a bearer token needs neither the token nor an origin: another site cannot make a browser send one', async () => {
    const { campaignId } = await pact.launchToDiscussion('Giao ước 2020 – khách API');
    const taskId = await discussionTask(campaignId);
    await t.http().post(`/api/v1/tasks/${taskId}/commands`).set(head).set('Origin', 'http://elsewhere.example').send({ command: 'close' }).expect(200);
  });

  it('signing in needs the sign-in page: login CSRF is refused and sets no session', async () => {
    const forged = await t.http().post('/sign-in').type('form').send({ username: 'quangbinh.canbo', password: DEMO_PASSWORD }).expect(403);
    expect(forged.text).toContain('Biểu mẫu đã hết hạn hoặc thiếu mã chống giả mạo');
    expect(setCookies(forged).some((c) => /^thidua_(access|refresh)=[^;]/.test(c))).toBe(false);

    // The attacker's own sign-in page gives him a token, but the victim's browser says where the form came from.
    const attackerPage = await openPage(t, '/sign-in');
    const crossSite = await t
      .http()
      .post('/sign-in')
      .set(OTHER_PORT)
      .set('Cookie', attackerPage.cookie)
      .type('form')
      .send({ username: 'quangbinh.canbo', password: DEMO_PASSWORD, _csrf: attackerPage.csrfToken })
      .expect(403);
    expect(setCookies(crossSite).some((c) => /^thidua_(access|refresh)=[^;]/.test(c))).toBe(false);
    // The API's sign-in sets the same cookies: it takes JSON only, which no form can send.
    const apiForm = await t.http().post('/api/v1/auth/sign-in').type('form').send({ username: 'quangbinh.canbo', password: DEMO_PASSWORD }).expect(415);
    expect(setCookies(apiForm)).toEqual([]);

    const signInPage = await openPage(t, '/sign-in');
    const signedIn = await t
      .http()
      .post('/sign-in')
      .set(SAME_ORIGIN)
      .set('Cookie', signInPage.cookie)
      .type('form')
      .send({ username: 'quangbinh.canbo', password: DEMO_PASSWORD, _csrf: signInPage.csrfToken })
      .expect(303);
    expect(setCookies(signedIn).some((c) => /^thidua_access=[^;]/.test(c))).toBe(true);
  });

  it('the token outlives the access cookie: a page left open past its 15 minutes still posts', async () => {
    const session = await signInWithForm(t, 'quangtri.canbo');
    // The browser has dropped the expired access cookie; the refresh cookie says whose session it is.
    const refreshOnly = withoutCookie(session.cookie, 'thidua_access');
    const out = await t.http().post('/sign-out').set('Cookie', refreshOnly).type('form').send({ _csrf: session.csrfToken }).expect(303);
    expect(out.headers.location).toBe('/sign-in');
    const after = await t.http().get('/').set('Cookie', withCookies(refreshOnly, out)).expect(303);
    expect(after.headers.location).toBe('/sign-in');
  });

  it("Bull Board's calls with the session cookie must come from this origin", async () => {
    const admin = await signInWithForm(t, 'admin');
    const pause = `/admin/queues/api/queues/${QUEUES.maintenance}/pause`;
    expect((await t.http().put(pause).set('Cookie', admin.cookie).expect(403)).body.code).toBe('CROSS_SITE_REQUEST');
    expect((await t.http().put(pause).set(OTHER_PORT).set('Cookie', admin.cookie).expect(403)).body.code).toBe('CROSS_SITE_REQUEST');
    await t.http().put(pause).set(SAME_ORIGIN).set('Cookie', admin.cookie).expect(200);
    await t.http().put(`/admin/queues/api/queues/${QUEUES.maintenance}/resume`).set(SAME_ORIGIN).set('Cookie', admin.cookie).expect(200);
  });
});
