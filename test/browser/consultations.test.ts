import { Browser, Page } from 'playwright-core';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { Clock } from '../../src/modules/calendar/clock';
import { addDays, vietnamDate } from '../../src/modules/calendar/dates';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchChromium, signIn } from '../support/browser';

jest.setTimeout(120_000);

/** Hà Tĩnh's officer reads a proposal of Thanh Hóa under public consultation and objects to it from the page. */
describeBrowser('public consultation page (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1200, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the open consultation and records an objection sent from the page', async () => {
    const admin = await bearerFor(t, 'admin');
    const officer = await bearerFor(t, 'thanhhoa.canbo');
    const unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-THA' }).set(admin).expect(200)).body.items[0].id;
    const candidates = (await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'LDTT' }).set(officer).expect(200)).body.candidates as Array<{ id: string; name: string; eligible: boolean }>;
    const candidate = candidates.find((c) => c.eligible)!;
    const [proposal] = (await t.http().post('/api/v1/commendation-proposals').set(officer).send({ unitId, year: 2020, title: 'LDTT', candidates: [{ personId: candidate.id }] }).expect(201)).body;
    // A window opens on a working day: on a weekend or holiday (Vietnam time) the test's clock moves to the next one,
    // so that the window of 60 working days is open whatever day the test runs.
    const calendar = await t.app.get(CalendarService).workingCalendar();
    let day = vietnamDate(t.app.get(Clock).now());
    if (!calendar.isWorkingDay(day)) {
      while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
      t.app.get(Clock).set(new Date(`${day}T09:00:00+07:00`));
    }
    const consultation = (await t.http().post(`/api/v1/commendation-proposals/${proposal.id}/consultation`).set(admin).send({ workingDays: 60 }).expect(201)).body;

    await signIn(page, t.url!, 'hatinh.canbo', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Công khai lấy ý kiến' }).click();
    await page.waitForURL(/\/commendations\/consultations$/);
    const section = page.locator(`section[data-consultation="${consultation.id}"]`);
    expect(await section.getByRole('heading', { level: 2 }).innerText()).toBe(`${candidate.name}: Lao động tiên tiến năm 2020, do Viện kiểm sát nhân dân tỉnh Thanh Hóa đề nghị`);
    expect(await section.locator('h3').innerText()).toBe('Ý kiến đã nhận (0)');

    await section.getByLabel('Ý kiến của bạn').fill('Đề nghị bổ sung kết quả kiểm sát năm 2020.');
    await section.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await page.waitForURL(/flash=sent/);
    expect(await page.getByRole('status').first().innerText()).toBe('Đã ghi ý kiến của bạn.');
    expect(await page.locator(`section[data-consultation="${consultation.id}"] .objections li`).innerText()).toContain('Đề nghị bổ sung kết quả kiểm sát năm 2020.');
    const stored = (await t.http().get(`/api/v1/consultations/${consultation.id}`).set(admin).expect(200)).body;
    expect(stored.objections.map((o: { text: string }) => o.text)).toEqual(['Đề nghị bổ sung kết quả kiểm sát năm 2020.']);
  });
});
