import { Browser, Page } from 'playwright-core';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchChromium, signIn } from '../support/browser';

jest.setTimeout(120_000);

/** An officer looks up who of the unit may be proposed, on the demo staff's records (ten people, 2018–2020). */
describeBrowser('eligibility page (headless Chromium)', () => {
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

  it('lists the unit’s staff with a badge and the reasons, as the API judges them, in Vietnamese then English', async () => {
    const base = t.url!;
    await signIn(page, base, 'thanhhoa.canbo', DEMO_PASSWORD);

    await page.getByRole('link', { name: 'Điều kiện khen thưởng' }).click();
    await page.waitForURL(`${base}/commendations/eligibility`);
    // Defaults: the officer's unit, the latest year of its staff records, the pack's first title.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Điều kiện khen thưởng: Lao động tiên tiến 2020');
    expect(await page.getByRole('row').count()).toBe(11);

    await page.getByLabel('Năm').fill('2019');
    await page.getByLabel('Danh hiệu').selectOption({ label: 'Chiến sĩ thi đua cơ sở' });
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL(/title=CSTDCS/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Điều kiện khen thưởng: Chiến sĩ thi đua cơ sở 2019');

    const officer = await bearerFor(t, 'thanhhoa.canbo');
    const unitId = new URL(page.url()).searchParams.get('unit')!;
    const api = await t.http().get('/api/v1/eligibility').query({ unitId, year: 2019, title: 'CSTDCS' }).set(officer).expect(200);
    const judged = api.body.candidates as Array<{ name: string; eligible: boolean }>;
    expect(judged).toHaveLength(10);
    expect(judged.some((c) => c.eligible)).toBe(true);
    expect(judged.some((c) => !c.eligible)).toBe(true);
    for (const candidate of judged) {
      const row = page.locator(`tr[data-candidate="${candidate.name}"]`);
      expect(await row.locator('.badge').innerText()).toBe(candidate.eligible ? 'Đủ điều kiện' : 'Chưa đủ điều kiện');
      if (!candidate.eligible) expect(await row.locator('li.unmet').first().innerText()).toContain('Chưa đủ điều kiện CSTĐCS năm 2019');
    }
    expect(await page.locator('#caps').innerText()).toContain('tối đa 15%');

    // Two of the eligible at once exceed the cap (15 % of about nine LĐTT holders allows one): refused, choices kept.
    const eligible = judged.filter((c) => c.eligible);
    for (const candidate of eligible.slice(0, 2)) await page.getByLabel(`Chọn ${candidate.name}`).check();
    await page.getByRole('button', { name: 'Đề nghị những người đã chọn' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').innerText()).toMatch(/^Vượt giới hạn: tối đa 15% × \d+ người có LĐTT = [\d,]+ → 1 CSTĐCS \(đề nghị 2\)\. Không có đề nghị nào được ghi\.$/);
    expect(await page.getByLabel(`Chọn ${eligible[1].name}`).isChecked()).toBe(true);
    const none = await t.http().get('/api/v1/commendation-proposals').query({ unitId, year: 2019, title: 'CSTDCS' }).set(officer).expect(200);
    expect(none.body).toEqual([]);

    await page.getByLabel(`Chọn ${eligible[1].name}`).uncheck();
    await page.getByRole('button', { name: 'Đề nghị những người đã chọn' }).click();
    await page.waitForURL(/flash=proposed/);
    expect(await page.getByRole('status').innerText()).toBe('Đã ghi đề nghị khen thưởng.');
    expect(await page.locator(`tr[data-candidate="${eligible[0].name}"] td`).first().innerText()).toBe('Đã đề nghị');
    const made = await t.http().get('/api/v1/commendation-proposals').query({ unitId, year: 2019, title: 'CSTDCS' }).set(officer).expect(200);
    expect(made.body.map((p: { candidate: { name: string } }) => p.candidate.name)).toEqual([eligible[0].name]);

    // The name leads to the person's record, whose titles are the register's.
    await page.getByRole('link', { name: eligible[0].name }).click();
    await page.waitForURL(/\/commendations\/people\//);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Hồ sơ thi đua: ${eligible[0].name}`);
    const personId = new URL(page.url()).pathname.split('/').pop()!;
    const record = await t.http().get(`/api/v1/people/${personId}/commendation-record`).set(officer).expect(200);
    const awards = record.body.commendations as Array<{ year: number; title: { code: string } }>;
    expect(awards.length).toBeGreaterThan(0);
    expect(await page.locator('#awards tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-award')))).toEqual(awards.map((a) => `${a.year} ${a.title.code}`));
    expect(await page.locator('#years tbody tr').count()).toBe(3);
    // The timeline: a column a year, each with the year's titles as marks.
    expect(await page.locator('#timeline > ol > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-year')))).toEqual(['2018', '2019', '2020']);
    for (const year of [2018, 2019, 2020]) {
      const labels = (record.body.commendations as Array<{ year: number; title: { label: { vi: string } } }>).filter((a) => a.year === year).map((a) => a.title.label.vi);
      expect(await page.locator(`#timeline li[data-year="${year}"] .mark:not(.initiative)`).allInnerTexts()).toEqual(labels);
    }
    await page.goBack();

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Commendation eligibility: Grassroots Emulation Soldier 2019');
    const first = judged[0];
    expect(await page.locator(`tr[data-candidate="${first.name}"] .badge`).innerText()).toBe(first.eligible ? 'Eligible' : 'Not eligible');
  });
  it("shows the unit's record from the eligibility page: a timeline of its results and its people's titles, and its staff's records", async () => {
    const base = t.url!;
    await page.goto(`${base}/commendations/eligibility?lang=vi`);
    const unitName = await page.locator('form select[name="unit"] option:checked').innerText();
    await page.getByRole('link', { name: unitName, exact: true }).click();
    await page.waitForURL(/\/commendations\/units\//);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Hồ sơ thi đua của đơn vị: ${unitName}`);

    const unitId = new URL(page.url()).pathname.split('/').pop()!;
    const officer = await bearerFor(t, 'thanhhoa.canbo');
    const record = (await t.http().get(`/api/v1/units/${unitId}/commendation-record`).set(officer).expect(200)).body as {
      years: Array<{ year: number; staff: number; personalTitles: Array<{ label: { vi: string }; count: number }> }>;
      staff: Array<{ fullName: string }>;
    };
    expect(record.years.map((row) => row.year)).toEqual([2018, 2019, 2020]);
    expect(record.years.some((row) => row.personalTitles.length > 0)).toBe(true);
    expect(await page.locator('#timeline > ol > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-year')))).toEqual(['2018', '2019', '2020']);
    for (const row of record.years) {
      expect(row.staff).toBe(10);
      expect(await page.locator(`#timeline li[data-year="${row.year}"] .mark.count`).allInnerTexts()).toEqual(row.personalTitles.map((title) => `${title.count} ${title.label.vi}`));
      expect(await page.locator(`#years tr[data-year="${row.year}"] td`).nth(2).innerText()).toBe('10');
    }
    expect(await page.locator('#people tbody tr').count()).toBe(record.staff.length);

    await page.getByRole('link', { name: record.staff[0].fullName }).click();
    await page.waitForURL(/\/commendations\/people\//);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Hồ sơ thi đua: ${record.staff[0].fullName}`);
  });
});
