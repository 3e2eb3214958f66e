import { Browser, Page } from 'playwright-core';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The council's review from the pages: Thanh Hóa proposes two of its people for LĐTT 2020; the administrator puts
 * them to the council, a council member ticks one of them, the other agrees with both (through the API), and the
 * administrator records the decision: one is awarded, the other not.
 */
describeBrowser('council review page (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = (): Promise<Page> => browser.newPage({ locale: 'en-US', viewport: { width: 1200, height: 900 } });

  it('puts proposals to the council, takes a member’s ballot and records the decision', async () => {
    const admin = await bearerFor(t, 'admin');
    const officer = await bearerFor(t, 'thanhhoa.canbo');
    const unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-THA' }).set(admin).expect(200)).body.items[0].id;
    const candidates = (await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'LDTT' }).set(officer).expect(200)).body.candidates as Array<{ id: string; name: string; eligible: boolean }>;
    const [first, second] = candidates.filter((c) => c.eligible);
    await t.http().post('/api/v1/commendation-proposals').set(officer).send({ unitId, year: 2020, title: 'LDTT', candidates: [{ personId: first.id }, { personId: second.id }] }).expect(201);

    const secretary = await newPage();
    await signIn(secretary, t.url!, 'admin', DEMO_PASSWORD);
    await secretary.getByRole('link', { name: 'Bình xét danh hiệu' }).click();
    await secretary.waitForURL(/\/commendations\/council-review$/);
    await secretary.goto(`${t.url!}/commendations/council-review?year=2020`);
    expect(await secretary.locator('#waiting li').innerText()).toContain('Lao động tiên tiến: 2 đề nghị');
    await secretary.locator('#waiting li').getByRole('button', { name: 'Đưa ra Hội đồng bình xét' }).click();
    await secretary.waitForURL(/flash=opened/);
    expect(await secretary.getByRole('status').first().innerText()).toBe('Đã đưa các đề nghị ra Hội đồng bình xét.');
    const section = secretary.locator('section.council-vote');
    expect(await section.getByRole('heading', { level: 2 }).innerText()).toBe('Bình xét Lao động tiên tiến năm 2020');
    const pollId = (await section.getAttribute('id'))!.slice('vote-'.length);

    // A council member ticks only the first; the other member agrees with both through the API.
    const member = await newPage();
    await signIn(member, t.url!, 'tdkt.vutruong', DEMO_PASSWORD);
    await member.goto(`${t.url!}/commendations/council-review?year=2020`);
    await member.getByLabel(first.name).check();
    await member.getByRole('button', { name: 'Gửi phiếu' }).click();
    await member.waitForURL(/flash=voted/);
    expect(await member.getByRole('status').first().innerText()).toBe('Đã ghi phiếu của bạn.');
    expect(await member.getByLabel(first.name).isChecked()).toBe(true);
    expect(await member.getByLabel(second.name).isChecked()).toBe(false);
    const vote = (await t.http().get(`/api/v1/commendation-proposals/council-votes/${pollId}`).set(admin).expect(200)).body as { proposals: Array<{ id: string; candidate: { name: string } }> };
    await t.http().post(`/api/v1/polls/${pollId}/ballots`).set(await bearerFor(t, 'tdkt.chuyenvien')).send({ choice: { candidateIds: vote.proposals.map((p) => p.id) } }).expect(201);

    // The administrator records the decision the vote calls for.
    await secretary.goto(`${t.url!}/commendations/council-review?year=2020`);
    const form = secretary.locator('form.decision-form');
    await form.getByLabel('Số quyết định').fill('20/QĐ-VKS-THA');
    await form.getByLabel('Ngày ký').fill('2020-12-29');
    await form.getByLabel('Cấp ra quyết định').fill('Viện trưởng VKSND tỉnh Thanh Hóa');
    await form.getByRole('button', { name: 'Ghi quyết định và kết thúc bình xét' }).click();
    await secretary.waitForURL(/flash=recorded/);
    expect(await secretary.locator('section.council-vote .decision').innerText()).toBe('Quyết định số 20/QĐ-VKS-THA ngày 29/12/2020 của Viện trưởng VKSND tỉnh Thanh Hóa.');
    const outcome = async (name: string) => secretary.locator('section.council-vote tr', { hasText: name }).locator('td').nth(1).innerText();
    expect(await outcome(first.name)).toBe('Được khen thưởng');
    expect(await outcome(second.name)).toBe('Không được thông qua');
    // The unit's eligibility page shows where each proposal ended.
    await secretary.goto(`${t.url!}/commendations/eligibility?${new URLSearchParams({ unit: unitId, year: '2020', title: 'LDTT' })}`);
    expect(await secretary.locator(`tr[data-candidate="${first.name}"] td`).first().innerText()).toBe('Được khen thưởng');
    expect(await secretary.locator(`tr[data-candidate="${second.name}"] td`).first().innerText()).toBe('Không được thông qua');
    const register = (await t.http().get('/api/v1/commendations').query({ year: 2020, title: 'LDTT' }).set(admin).expect(200)).body.items as Array<{ recipient: { name: string }; decision: { number: string } }>;
    expect(register.filter((entry) => entry.decision.number === '20/QĐ-VKS-THA').map((entry) => entry.recipient.name)).toEqual([first.name]);
  });
});
