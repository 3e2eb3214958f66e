import { Browser, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { describeBrowserOnce, launchChromium, signIn } from '../support/browser';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The individual-titles campaign from the pages (headless Chromium): Quảng Bình's officer opens the propose task from
 * the inbox, reads the verdicts, ticks two eligible people for LĐTT and sends; the other units answer through the API;
 * a council member opens the vote from the inbox and approves one of them on the poll's page. axe-core on both pages.
 */
describeBrowserOnce('individual titles: propose and vote from the pages (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let pact: ClusterPactFixture;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    pact = await clusterPactFixture(t);
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const builtIn = definitions.find((definition) => definition.key === 'cluster-individual-titles')!;
    const versionId = (await t.http().get(`/api/v1/workflow-definitions/${builtIn.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
    campaignId = (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name: 'Bình xét danh hiệu cá nhân 2020', year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = (): Promise<Page> => browser.newPage({ locale: 'en-US', viewport: { width: 1200, height: 900 } });
  const serious = async (page: Page) => (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
  const taskOf = async (auth: Auth, stageKey: string): Promise<string> =>
    (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body.tasks.find((task: { stageKey: string }) => task.stageKey === stageKey).id;

  it('proposes from the task page and votes in person on the poll page', async () => {
    const officer = await newPage();
    await signIn(officer, t.url!, 'quangbinh.canbo', DEMO_PASSWORD);
    await officer.goto(`${t.url!}/inbox`);
    await officer.getByRole('link', { name: 'Chọn người đề nghị' }).click();
    await officer.waitForURL(/\/inbox\/tasks\/[0-9a-f-]+\/proposals$/);
    expect(await serious(officer)).toEqual([]);
    const ldtt = officer.locator('section', { has: officer.getByRole('heading', { name: 'Lao động tiên tiến', exact: true }) });
    const boxes = ldtt.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    // Those not eligible have no box, and their unmet reason is on the row.
    expect(await ldtt.locator('li.unmet').count()).toBeGreaterThan(0);
    const chosen = [await ldtt.locator('label').nth(0).innerText(), await ldtt.locator('label').nth(1).innerText()];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await officer.getByRole('button', { name: 'Gửi đề nghị của đơn vị' }).click();
    await officer.getByRole('table', { name: 'Đơn vị đã gửi đề nghị.' }).waitFor();
    for (const name of chosen) expect(await officer.locator('#proposed').innerText()).toContain(name);

    for (const [slug, code] of CLUSTER_6_UNITS.filter(([, code]) => code !== 'VKS-QBI')) {
      const auth = await bearerFor(t, `${slug}.canbo`);
      await t.http().post(`/api/v1/tasks/${await taskOf(auth, 'propose')}/proposals`).set(auth).set('X-Acting-Unit', code).send({ proposals: [] }).expect(200);
    }

    const member = await newPage();
    await signIn(member, t.url!, 'tdkt.vutruong', DEMO_PASSWORD);
    await member.goto(`${t.url!}/inbox`);
    await member.getByRole('link', { name: 'Xem và bỏ phiếu' }).first().click();
    await member.waitForURL(/\/polls\/[0-9a-f-]+$/);
    expect(await serious(member)).toEqual([]);
    await member.getByLabel(new RegExp(chosen[0])).check();
    await member.getByRole('button', { name: 'Gửi phiếu' }).click();
    await member.waitForURL(/receipt=/);
    expect(await member.locator('#ballot-flash').innerText()).toContain('Đã ghi nhận phiếu của Nguyễn Văn Khen');
    const poll = (await t.http().get(`/api/v1/polls/${member.url().split('/polls/')[1].split('?')[0]}`).set(pact.admin).expect(200)).body;
    expect(poll.progress.voted).toBe(1);
  });

  it('proposes an accepted example for an ad hoc commendation in one step, and starts one from the unit’s page', async () => {
    const officer = await bearerFor(t, 'quangbinh.canbo');
    const unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-QBI' }).set(pact.admin).expect(200)).body.items[0].id;
    const person = ((await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'GIAY-KHEN' }).set(officer).expect(200)).body.candidates as Array<{ id: string; name: string }>)[3];
    const example = (await t.http().post('/api/v1/advanced-examples').set(officer).send({ kind: 'good-deed', unitId, personId: person.id, year: 2020, title: 'Cứu người đuối nước', account: 'Cứu hai cháu nhỏ ở sông Gianh.' }).expect(201)).body;
    await t.http().post(`/api/v1/advanced-examples/${example.id}/review`).set(await bearerFor(t, 'thanhhoa.canbo')).send({ decision: 'accept' }).expect(200);

    const page = await newPage();
    await signIn(page, t.url!, 'quangbinh.canbo', DEMO_PASSWORD);
    await page.goto(`${t.url!}/commendations/examples/${example.id}`);
    expect(await serious(page)).toEqual([]);
    await page.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Viện trưởng Viện kiểm sát nhân dân cấp tỉnh' });
    await page.getByRole('button', { name: 'Đề nghị khen thưởng đột xuất' }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]+$/);
    expect(await page.locator('h1').innerText()).toContain(`Khen thưởng đột xuất: ${person.name}`);
    // The example now links to its campaign instead of offering the form again.
    await page.goto(`${t.url!}/commendations/examples/${example.id}`);
    expect(await page.getByRole('link', { name: 'Đã đề nghị khen thưởng đột xuất: xem đợt khen thưởng' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Đề nghị của đơn vị' }).click();
    await page.waitForURL(/\/unit-campaigns\/new$/);
    expect(await serious(page)).toEqual([]);
    await page.getByLabel('Năm của thành tích').fill('2020');
    await page.getByRole('button', { name: 'Khởi động' }).click();
    await page.waitForURL(/\/inbox\/tasks\/[0-9a-f-]+\/proposals$/);
    expect(await page.locator('h1').innerText()).toContain('Đơn vị đề nghị khen thưởng đột xuất');
    expect(await serious(page)).toEqual([]);
  });
});
