import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '../support/axe';
import { describeBrowserOnce, launchChromium } from '../support/browser';
import { CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { sheetsOfStage } from '../support/scoring';
import { pageSessions } from '../support/page-session';
import { SigningFlow, signingFlow } from '../support/signing-flow';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { launchClusterYearEnd, submitCrossScores, submitSelfScores, submitYearEndReports, yearEndPeople } from '../support/year-end';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

jest.setTimeout(240_000);

/** What the checks read in the page (the tests are compiled without the DOM's types). */
interface InPageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface InPage {
  document: { activeElement: InPageElement | null; body: InPageElement };
  getComputedStyle(element: InPageElement): { outlineStyle: string; outlineWidth: string; boxShadow: string };
}

/**
 * Every page of the product under axe-core (WCAG 2.1 A and AA): no serious or critical violation, in Vietnamese (and
 * one page of each kind in English), as the people who use each page see it, with the data that fills it (campaigns at
 * each kind of stage, a scored year-end, proposals, initiatives and examples). And the main actions of a few pages done
 * with the keyboard alone, every focus stop showing its ring.
 */
describeBrowserOnce('accessibility of every page (axe-core, keyboard; headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let pact: ClusterPactFixture;
  let flow: SigningFlow;
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();
  let sessions: ReturnType<typeof pageSessions>;
  /**
   * The pages a person opens: what the page is, its path, what shows it is ready (Form.io's pages), and whether it is
   * checked in English too (one page of each view and catalogue of texts: the rest only in Vietnamese, to keep the suite
   * short). Filled by the set-up.
   */
  const routes: Array<{ username: string; label: string; path: string; ready?: string; english: boolean }> = [];
  let reviewCampaignName: string;
  /** The one cross-score sheet left in draft by the set-up, and what submits it (the ranking follows). */
  let draftSheet: { username: string; path: string };
  let finishScoring: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    pact = await clusterPactFixture(t);
    flow = await signingFlow(t, pact);
    const admin = pact.admin;
    const officer = await bearerFor(t, 'thanhhoa.canbo');

    // A campaign whose first stage is a review by the cluster head: a task with commands in the head's inbox.
    const reviewVersion = await publishedVersion(t, 'a11y-review', fourStageDocument());
    reviewCampaignName = 'Giao ước thử nghiệm – tiếp cận';
    await publishedVersion(t, 'a11y-keyboard', { ...fourStageDocument(), name: { vi: 'Quy trình phát động bằng bàn phím', en: 'Launched with the keyboard' } });
    await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: reviewVersion.id, name: reviewCampaignName, year: 2020, clusterId: pact.clusterId }).expect(201);

    // The pact: one in discussion (the document open for comments), one at its adoption vote, one at signing.
    const discussion = await pact.launchToDiscussion('Giao ước 2020 – đang thảo luận');
    const voting = await pact.launchToDiscussion('Giao ước 2020 – đang biểu quyết');
    await t.http().post(`/api/v1/tasks/${await flow.openTask(pact.head, voting.campaignId, 'discussion')}/commands`).set(pact.head).send({ command: 'close' }).expect(200);
    const adoptionTask = await flow.openTask(flow.officers.get('VKS-THA')!, voting.campaignId, 'adoption');
    const signing = await flow.toSigning('Giao ước 2020 – ký kết');
    const signTask = await flow.openTask(flow.heads.get('VKS-THA')!, signing.campaignId, 'signing');
    const registrationTask = (await t.http().get(`/api/v1/inbox?status=done&campaignId=${signing.campaignId}`).set(officer).expect(200)).body.tasks.find(
      (task: { stageKey: string }) => task.stageKey === 'registration',
    ).id as string;
    sessions = pageSessions(t);
    const submission = /href="\/inbox\/submissions\/([0-9a-f-]{36})"/.exec(await sessions.page('thanhhoa.canbo', '/inbox/submissions'))?.[1];

    // Commendations: a proposal under consultation, proposals before the council, an initiative, an advanced example.
    const unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-THA' }).set(admin).expect(200)).body.items[0].id as string;
    const ngheanId = (await t.http().get('/api/v1/units').query({ q: 'VKS-NAN' }).set(admin).expect(200)).body.items[0].id as string;
    const candidates = (await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'LDTT' }).set(officer).expect(200)).body.candidates as Array<{ id: string; eligible: boolean }>;
    const [first, second, third] = candidates.filter((candidate) => candidate.eligible);
    const [proposal] = (await t.http().post('/api/v1/commendation-proposals').set(officer).send({ unitId, year: 2020, title: 'LDTT', candidates: [{ personId: first.id }] }).expect(201)).body;
    await t.http().post(`/api/v1/commendation-proposals/${proposal.id}/consultation`).set(admin).send({ workingDays: 60 }).expect(201);
    await t.http().post('/api/v1/commendation-proposals').set(officer).send({ unitId, year: 2020, title: 'LDTT', candidates: [{ personId: second.id }] }).expect(201);
    await t.http().post('/api/v1/commendation-proposals/council-votes').set(admin).send({ year: 2020, title: 'LDTT' }).expect(200);
    const initiative = (
      await t
        .http()
        .post('/api/v1/initiatives')
        .set(officer)
        .send({ unitId, year: 2020, scope: 'unit', personId: third.id, name: 'Phần mềm theo dõi thời hạn tố tụng', description: 'Nhắc hạn cho kiểm sát viên.', benefits: 'Không quá hạn.' })
        .expect(201)
    ).body.id as string;
    const nghean = await bearerFor(t, 'nghean.canbo');
    const ngheanPerson = (await t.http().get('/api/v1/eligibility').query({ unitId: ngheanId, year: 2020, title: 'LDTT' }).set(nghean).expect(200)).body.candidates[0].id as string;
    const example = (
      await t
        .http()
        .post('/api/v1/advanced-examples')
        .set(nghean)
        .send({ kind: 'good-deed', unitId: ngheanId, personId: ngheanPerson, year: 2020, title: 'Cứu người đuối nước', account: 'Cứu hai cháu nhỏ bị đuối nước ở sông Lam.' })
        .expect(201)
    ).body.id as string;

    // The year-end of Cluster No. 6, scored by every unit (it moves the app's clock to November 2020; last, therefore).
    const people = await yearEndPeople(t, pact);
    const yearEnd = await launchClusterYearEnd(t, pact, 'Tổng kết năm 2020 — Cụm 6');
    await submitYearEndReports(t, people, yearEnd);
    await submitSelfScores(t, people, yearEnd);
    const crossSheet = (await sheetsOfStage(t, admin, yearEnd, 'cross-score'))[0];
    await submitCrossScores(t, people, yearEnd, (sheet) => sheet.taskId === crossSheet.taskId);
    finishScoring = async () => {
      expect(await submitCrossScores(t, people, yearEnd)).toBe(1);
    };

    // A second version of the title registration form (a reworded title), for the versions' diff.
    const forms = (await t.http().get('/api/v1/forms').set(admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const titleForm = forms.find((form) => form.key === 'pact/title-registration')!;
    const { draft } = (await t.http().get(`/api/v1/forms/${titleForm.id}`).set(admin).expect(200)).body as { draft: { title: string } };
    await t.http().put(`/api/v1/forms/${titleForm.id}/draft`).set(admin).send({ schema: { ...draft, title: `${draft.title} (sửa đổi)` } }).expect(200);
    await t.http().post(`/api/v1/forms/${titleForm.id}/publish`).set(admin).expect(201);
    const [newer, older] = (await t.http().get(`/api/v1/forms/${titleForm.id}/versions`).set(admin).expect(200)).body.items as Array<{ id: string }>;
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const keyboardDefinition = definitions.find((definition) => definition.key === 'a11y-keyboard')!.id;
    // A second version of the review workflow (two hours to acknowledge), for the versions' comparison.
    const reviewDefinition = definitions.find((definition) => definition.key === 'a11y-review')!.id;
    const reviewDocument = fourStageDocument();
    reviewDocument.stages.acknowledge.due = { hours: 2 };
    await t.http().put(`/api/v1/workflow-definitions/${reviewDefinition}/draft`).set(admin).send({ document: reviewDocument }).expect(200);
    await t.http().post(`/api/v1/workflow-definitions/${reviewDefinition}/publish`).set(admin).expect(201);
    // A webhook endpoint, for its row on the page (for an event this suite does not cause).
    await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'Cổng nhận sự kiện', url: 'https://hooks.example.vn/thidua', events: ['campaign.completed'] }).expect(201);
    const adoptionResult = (await t.http().get(`/api/v1/inbox?status=done&campaignId=${signing.campaignId}`).set(officer).expect(200)).body.tasks.find(
      (task: { stageKey: string }) => task.stageKey === 'adoption',
    ).id as string;
    expect(submission).toBeDefined();

    draftSheet = { username: `${CLUSTER_6_UNITS.find(([, code]) => code === crossSheet.scorerCode)![0]}.canbo`, path: `/inbox/tasks/${crossSheet.taskId}/score` };
    const add = (username: string, label: string, path: string, options: { ready?: string; english?: boolean } = {}) =>
      routes.push({ username, label, path, ready: options.ready, english: options.english ?? false });
    add('admin', 'home', '/', { english: true });
    add('admin', 'inbox', '/inbox');
    add('admin', 'campaigns', '/campaigns');
    add('admin', 'campaign at signing', `/campaigns/${signing.campaignId}`, { english: true });
    add('admin', 'campaign history', `/campaigns/${signing.campaignId}/history`);
    add('admin', 'campaign document', `/campaigns/${signing.campaignId}/document`);
    add('admin', 'workflow version', `/workflow-versions/${pact.versionId}`);
    add('admin', 'form builder list', '/admin/forms');
    add('admin', 'form builder', `/admin/forms/${titleForm.id}`, { ready: 'body[data-builder-ready="true"]', english: true });
    add('admin', 'form diff', `/admin/forms/${titleForm.id}/diff?from=${older.id}&to=${newer.id}`);
    add('admin', 'launch wizard', '/admin/campaigns/new', { english: true });
    add('admin', 'launch schedules', '/admin/schedules', { english: true });
    add('admin', 'webhooks', '/admin/webhooks', { english: true });
    add('admin', 'council review', '/commendations/council-review?year=2020');
    add('admin', 'score sheets matrix', `/campaigns/${yearEnd}/score-sheets`);
    add('admin', 'ranking', `/campaigns/${yearEnd}/ranking`, { english: true });
    add('admin', 'ranking breakdown', `/campaigns/${yearEnd}/ranking/units/${unitId}`);
    add('admin', 'unit scores', `/units/${unitId}/scores`);
    add('admin', 'passkeys', '/account/passkeys', { english: true });
    add('admin', 'overview', '/admin/overview?year=2020', { english: true });
    add('admin', 'workflow editor list', '/admin/workflows', { english: true });
    add('admin', 'workflow editor', `/admin/workflows/${keyboardDefinition}`, { ready: '#diagram svg', english: true });
    add('admin', 'workflow versions diff', `/admin/workflows/${reviewDefinition}/diff`, { english: true });
    add('admin', 'mail log', '/admin/mail', { english: true });
    add('thanhhoa.canbo', 'mail preference', '/account/mail', { english: true });
    add('tdkt.vutruong', 'overview (council member)', '/admin/overview?year=2020');
    add('thanhhoa.canbo', 'inbox (officer)', '/inbox');
    add('thanhhoa.canbo', 'submissions', '/inbox/submissions');
    add('thanhhoa.canbo', 'submission', `/inbox/submissions/${submission}`);
    add('thanhhoa.canbo', 'task form (done)', `/inbox/tasks/${registrationTask}/form`, { ready: 'body[data-form-ready="true"]' });
    add('thanhhoa.canbo', 'poll with a ballot', `/inbox/tasks/${adoptionTask}/ballot`, { english: true });
    add('thanhhoa.canbo', 'poll result', `/inbox/tasks/${adoptionResult}/ballot`);
    add('thanhhoa.canbo', 'document in discussion', `/documents/${discussion.documentId}`, { english: true });
    add('thanhhoa.canbo', 'document versions diff', `/documents/${discussion.documentId}/diff`);
    add('thanhhoa.canbo', 'commendations register', '/commendations', { english: true });
    add('thanhhoa.canbo', 'eligibility', `/commendations/eligibility?unit=${unitId}&year=2020&title=LDTT`, { english: true });
    add('thanhhoa.canbo', 'person record', `/commendations/people/${first.id}`);
    add('thanhhoa.canbo', 'unit record', `/commendations/units/${unitId}`);
    add('thanhhoa.canbo', 'initiatives', '/commendations/initiatives');
    add('thanhhoa.canbo', 'initiative', `/commendations/initiatives/${initiative}`, { english: true });
    add('thanhhoa.canbo', 'advanced examples', '/commendations/examples');
    add('thanhhoa.canbo', 'advanced example', `/commendations/examples/${example}`);
    add('hatinh.canbo', 'consultations', '/commendations/consultations', { english: true });
    add(draftSheet.username, 'score sheet (submitted)', draftSheet.path, { ready: 'body[data-form-ready="true"]' });
    add('thanhhoa.vientruong', 'signing', `/inbox/tasks/${signTask}/sign`, { english: true });
    add('thanhhoa.vientruong', 'inbox with a command', '/inbox', { english: true });
    add('tdkt.vutruong', 'inbox (council member)', '/inbox');
    add('tdkt.vutruong', 'council review (member)', '/commendations/council-review?year=2020', { english: true });
    add('tdkt.vutruong', 'initiative (council member)', `/commendations/initiatives/${initiative}`);
    const draftTask = await flow.openTask(pact.head, (await pact.launch('Giao ước 2020 – dự thảo')), 'draft');
    add('thanhhoa.vientruong', 'task form (open)', `/inbox/tasks/${draftTask}/form`, { ready: 'body[data-form-ready="true"]', english: true });
    browser = await launchChromium();
  }, 200_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    flow?.dispose();
    await t?.close();
  });

  /**
   * A tab of the person's in this language, kept for their other pages. The session comes from one sign-in through the
   * form per person (the keyboard tests below sign in in the browser), set as the browser's cookies.
   */
  const pageOf = async (username: string, language: 'vi' | 'en', lane: number): Promise<Page> => {
    const key = `${lane}/${username}/${language}`;
    const open = pages.get(key);
    if (open) return open;
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const cookies = (await sessions.session(username)).cookie.split('; ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
    await context.addCookies([...cookies, ['lang', language]].map(([name, value]) => ({ name, value, url: t.url! })));
    const page = await context.newPage();
    pages.set(key, page);
    return page;
  };

  const check = async (failures: string[], page: Page, label: string) => {
    try {
      await expectNoSeriousViolations(page, label);
    } catch (error) {
      failures.push((error as Error).message);
    }
  };

  it('has no serious or critical axe violation on the public pages', async () => {
    const failures: string[] = [];
    const context = await browser.newContext({ locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    for (const [label, path] of [
      ['sign-in', '/sign-in'],
      ['verify', '/verify'],
      ['sign-in in English', '/sign-in?lang=en'],
    ]) {
      const response = await page.goto(`${t.url}${path}`);
      expect(response?.status()).toBe(200);
      await check(failures, page, label);
    }
    expect(failures).toEqual([]);
  });

  const visit = async (failures: string[], route: { username: string; label: string; path: string; ready?: string }, language: 'vi' | 'en', lane = 0) => {
    const page = await pageOf(route.username, language, lane);
    const response = await page.goto(`${t.url}${route.path}`);
    if (response?.status() !== 200) {
      failures.push(`${route.label} (${route.path}) as ${route.username}: status ${response?.status()}`);
      return;
    }
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    if (route.ready) await page.locator(route.ready).waitFor();
    await check(failures, page, `${route.label} as ${route.username}, ${language}`);
  };

  it('has no serious or critical axe violation on a score sheet in draft, in Vietnamese and English', async () => {
    const failures: string[] = [];
    for (const language of ['vi', 'en'] as const) await visit(failures, { ...draftSheet, label: 'score sheet (draft)', ready: 'body[data-form-ready="true"]' }, language);
    await finishScoring();
    expect(failures).toEqual([]);
  });

  it('has no serious or critical axe violation on any signed-in page, in Vietnamese, and on one of each kind in English', async () => {
    const failures: string[] = [];
    const queue = routes.flatMap((route) => (route.english ? (['vi', 'en'] as const) : (['vi'] as const)).map((language) => ({ route, language })));
    // A few tabs side by side, each taking the next page to check.
    await Promise.all(
      [0, 1, 2].map(async (lane) => {
        for (let next = queue.shift(); next; next = queue.shift()) await visit(failures, next.route, next.language, lane);
      }),
    );
    expect(failures.sort()).toEqual([]);
  });

  /** Elements that took keyboard focus without a visible focus indicator (no outline and no box shadow). */
  const focusInvisible: string[] = [];

  /** Presses Tab (Shift+Tab when `backwards`) until `target` has the focus, checking each stop shows its focus. */
  const tabTo = async (page: Page, target: Locator, backwards = false, most = 250): Promise<void> => {
    const handle = await target.elementHandle();
    for (let presses = 0; presses < most; presses++) {
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      const stop = await page.evaluate((wanted) => {
        const { document, getComputedStyle } = globalThis as unknown as InPage;
        const element = document.activeElement;
        if (!element || element === document.body) return { reached: false, visible: true, name: 'body' };
        const style = getComputedStyle(element);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { reached: element === wanted, visible, name: `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || element.id).trim().slice(0, 40)}"` };
      }, handle);
      if (!stop.visible) focusInvisible.push(`${new URL(page.url()).pathname}: ${stop.name}`);
      if (stop.reached) return;
    }
    throw new Error(`${most} presses of Tab did not reach ${target}`);
  };

  /** A Vietnamese tab of its own, not signed in. */
  const freshPage = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  /** Signs in with the keyboard alone: the name field has the focus, Tab to the password, Tab to the button, Space. */
  const signInByKeyboard = async (page: Page, username: string, path = '/'): Promise<void> => {
    await page.goto(`${t.url}${path === '/' ? '/sign-in' : path}`);
    const name = page.getByLabel('Tên đăng nhập');
    // The sign-in page gives its name field the focus.
    await page.waitForFunction(() => (globalThis as unknown as InPage).document.activeElement?.id === 'username');
    await page.keyboard.type(username);
    await tabTo(page, page.getByLabel('Mật khẩu'));
    await page.keyboard.type(DEMO_PASSWORD);
    // Back to the name to check it, and forward again to the button.
    await tabTo(page, name, true);
    expect(await name.inputValue()).toBe(username);
    await tabTo(page, page.getByRole('button', { name: 'Đăng nhập' }));
    await page.keyboard.press('Space');
    await page.waitForURL(`${t.url}${path}`);
  };

  it('signs in, and approves a task from the inbox, with the keyboard alone', async () => {
    const page = await freshPage();
    await signInByKeyboard(page, 'thanhhoa.vientruong', '/inbox');
    const review = page.getByRole('article', { name: 'Cụm trưởng duyệt dự thảo' });
    expect(await review.innerText()).toContain(reviewCampaignName);
    await tabTo(page, review.getByRole('button', { name: 'Duyệt' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.url}/inbox?flash=approved`);
    expect(await page.getByRole('status').innerText()).toBe('Đã duyệt. Bước tiếp theo đã được giao.');
    expect(focusInvisible).toEqual([]);
  });

  it('opens a form in the builder from the list and saves its draft with the keyboard alone', async () => {
    const page = await freshPage();
    await signInByKeyboard(page, 'admin', '/admin/forms');
    await tabTo(page, page.getByRole('link', { name: 'Đăng ký danh hiệu thi đua' }).first());
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/forms\/[0-9a-f-]{36}$/);
    await page.locator('body[data-builder-ready="true"]').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Lưu nháp' }));
    await page.keyboard.press('Space');
    await page.locator('#form-status.is-done', { hasText: 'Đã lưu bản nháp lúc' }).waitFor();
    expect(focusInvisible).toEqual([]);
  });

  it('previews and launches a campaign in the launch wizard with the keyboard alone', async () => {
    const page = await freshPage();
    await signInByKeyboard(page, 'admin', '/admin/campaigns/new');
    const workflow = page.getByLabel('Quy trình (phiên bản đã công bố mới nhất)');
    await tabTo(page, workflow);
    // A closed list box chooses by the letters typed, as people pick from a long list.
    await page.keyboard.type('Quy trình phát động');
    expect(await workflow.locator('option:checked').innerText()).toBe('Quy trình phát động bằng bàn phím — phiên bản 1');
    const oneCluster = page.getByLabel('Một cụm thi đua');
    await tabTo(page, page.locator('input[name="subjectKind"]:checked'));
    for (let presses = 0; presses < 4 && !(await oneCluster.isChecked()); presses++) await page.keyboard.press('ArrowDown');
    expect(await oneCluster.isChecked()).toBe(true);
    await tabTo(page, page.getByLabel('Cụm thi đua', { exact: true }));
    await page.keyboard.type('Cụm thi đua số 6');
    expect(await page.getByLabel('Cụm thi đua', { exact: true }).locator('option:checked').innerText()).toBe('Cụm thi đua số 6 (2020)');
    await tabTo(page, page.getByLabel('Năm', { exact: true }));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2020');
    await tabTo(page, page.getByRole('button', { name: 'Xem trước' }));
    await page.keyboard.press('Enter');
    const launch = page.getByRole('button', { name: 'Phát động (1)' });
    await launch.waitFor();
    await tabTo(page, launch);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.url}/campaigns?flash=launched&count=1`);
    expect(await page.getByRole('status').innerText()).toBe('Đã phát động 1 đợt thi đua.');
    expect(focusInvisible).toEqual([]);
  });
});
