import { Browser, BrowserContext } from 'playwright-core';
import { expectNoSeriousViolations } from '../support/axe';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

describeBrowser('the organisation pages: a cluster for a year, with its head and deputy (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('an administrator adds a cluster for 2021 with members, a head and a deputy chosen by name, and finds it listed under its year', async () => {
    const base = t.url!;
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, 'admin', DEMO_PASSWORD, '/admin/org');
    await page.getByRole('link', { name: 'Cụm thi đua', exact: true }).first().click();
    await page.waitForURL(`${base}/admin/org/clusters`);

    // To the year through the year chooser.
    await page.getByLabel('Năm', { exact: true }).first().fill('2021');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL(`${base}/admin/org/clusters?year=2021`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Cụm thi đua năm 2021');
    await page.getByText('Năm 2021 chưa có cụm thi đua nào.').waitFor();
    await page.getByRole('heading', { name: 'Quy tắc chọn cụm trưởng, cụm phó' }).waitFor();
    await expectNoSeriousViolations(page, 'the clusters of a year');

    const form = page.locator('form[action="/admin/org/clusters"][method="post"]');
    await form.getByLabel('Tên cụm').fill('Cụm thi đua số 6');
    await expect(form.getByLabel('Năm', { exact: true }).inputValue()).resolves.toBe('2021');
    for (const name of ['Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị', 'Thừa Thiên Huế']) {
      await form.getByRole('checkbox', { name: new RegExp(`Viện kiểm sát nhân dân tỉnh ${name} \\(`) }).check();
    }
    await form.getByLabel('Cụm trưởng', { exact: true }).selectOption({ label: 'Viện kiểm sát nhân dân tỉnh Nghệ An (VKS-NAN)' });
    await form.getByLabel('Cụm phó', { exact: true }).selectOption({ label: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh (VKS-HTI)' });
    await form.getByRole('button', { name: 'Thêm cụm thi đua' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thêm cụm thi đua.' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`^${base}/admin/org/clusters\\?year=2021&flash=created#cluster-`));

    const cluster = page.getByRole('region', { name: 'Cụm thi đua số 6' });
    await expect(cluster.locator('dd[data-role="head"]').textContent()).resolves.toBe('Viện kiểm sát nhân dân tỉnh Nghệ An');
    await expect(cluster.locator('dd[data-role="deputy"]').textContent()).resolves.toBe('Viện kiểm sát nhân dân tỉnh Hà Tĩnh');
    const members = cluster.getByRole('region', { name: 'Đơn vị thành viên: Cụm thi đua số 6' });
    const row = (name: string) => members.getByRole('row', { name: new RegExp(name) });
    const cells = async (name: string) => (await row(name).getByRole('cell').allTextContents()).map((text) => text.trim());
    await expect(members.getByRole('row').count()).resolves.toBe(7);
    await expect(cells('Nghệ An')).resolves.toEqual(['Cụm trưởng', 'Được đánh giá']);
    await expect(cells('Hà Tĩnh')).resolves.toEqual(['Cụm phó', 'Được đánh giá']);
    await expect(cells('Quảng Trị')).resolves.toEqual(['Thành viên', 'Được đánh giá']);
    await expectNoSeriousViolations(page, 'a year with a cluster');

    // The cluster's own page, reached by its name; then the other organisation pages of this work pass axe too.
    await cluster.getByRole('link', { name: 'Cụm thi đua số 6' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cụm thi đua số 6 (2021)' }).waitFor();
    await expect(page.getByLabel('Cụm trưởng', { exact: true }).locator('option:checked').textContent()).resolves.toBe('Viện kiểm sát nhân dân tỉnh Nghệ An (VKS-NAN)');
    await expectNoSeriousViolations(page, 'a cluster');
    await page.goto(`${base}/admin/org/roles`);
    await expectNoSeriousViolations(page, 'the role grants');
    await page.goto(`${base}/admin/org/calendar?year=2020&lang=en`);
    await page.getByRole('table', { name: 'September 2020' }).getByRole('cell', { name: /National Day/ }).waitFor();
    await expectNoSeriousViolations(page, 'the working calendar in English');
  });
});
