import { Browser, BrowserContext } from 'playwright-core';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

jest.setTimeout(90_000);

describeBrowser('the launch wizard and the cancel form (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
    await publishedVersion(t, 'browser-launch', fourStageDocument());
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('an administrator previews a launch for Cluster No. 6, launches it from the preview, then cancels it with a reason', async () => {
    const base = t.url!;
    // An English-locale browser: the pages stay Vietnamese unless the person chooses otherwise.
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, 'admin', DEMO_PASSWORD, '/campaigns');
    await page.getByRole('link', { name: 'Phát động đợt thi đua mới' }).click();
    await page.waitForURL(`${base}/admin/campaigns/new`);

    await page.getByLabel('Quy trình (phiên bản đã công bố mới nhất)').selectOption({ label: 'Giao ước thử nghiệm — phiên bản 1' });
    await page.getByLabel('Một cụm thi đua').check();
    await page.getByLabel('Cụm thi đua', { exact: true }).selectOption({ label: 'Cụm thi đua số 6 (2020)' });
    await page.getByLabel('Năm', { exact: true }).fill('2020');
    await page.getByLabel('Ngày bắt đầu').fill('2020-02-13');
    await page.getByRole('button', { name: 'Xem trước' }).click();

    const preview = page.getByRole('region', { name: 'Lịch các bước (nếu mỗi bước dùng hết thời hạn)' });
    await preview.getByRole('rowheader', { name: 'Các đơn vị xác nhận' }).waitFor();
    const subject = page.locator('.launch-subjects > li', { hasText: 'Cụm thi đua số 6' });
    await expect(subject.textContent()).resolves.toContain('Sẵn sàng');
    await expect(subject.textContent()).resolves.toContain('Cụm trưởng duyệt dự thảo: Viện kiểm sát nhân dân tỉnh Thanh Hóa');

    await page.getByRole('button', { name: 'Phát động (1)' }).click();
    await page.waitForURL(`${base}/campaigns?flash=launched&count=1`);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã phát động 1 đợt thi đua.');

    await page.getByRole('link', { name: 'Giao ước thử nghiệm năm 2020 – Cụm thi đua số 6' }).click();
    await page.getByRole('heading', { name: 'Hủy đợt thi đua' }).waitFor();
    await page.getByLabel('Lý do hủy (được ghi vào lịch sử)').fill('Phát động nhầm quy trình thử nghiệm');
    // The browser holds the form until "cannot be undone" is ticked.
    await page.getByRole('button', { name: 'Hủy đợt thi đua' }).click();
    await expect(page.getByLabel(/không thể hoàn tác/).evaluate((box) => (box as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).resolves.toBe(true);
    await page.getByLabel(/không thể hoàn tác/).check();
    await page.getByRole('button', { name: 'Hủy đợt thi đua' }).click();
    await page.getByRole('status').filter({ hasText: 'Đợt thi đua đã được hủy.' }).waitFor();
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Phát động nhầm quy trình thử nghiệm');
    expect(await page.getByRole('heading', { name: 'Hủy đợt thi đua' }).count()).toBe(0);
  });

  it('an administrator rehearses the launch first: two late units, the scenario kept, the report in words and nothing launched', async () => {
    const base = t.url!;
    const rehearsal = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
    try {
      const page = await rehearsal.newPage();
      await signIn(page, base, 'admin', DEMO_PASSWORD, '/admin/campaigns/new');
      await page.getByLabel('Quy trình (phiên bản đã công bố mới nhất)').selectOption({ label: 'Giao ước thử nghiệm — phiên bản 1' });
      await page.getByLabel('Một cụm thi đua').check();
      await page.getByLabel('Cụm thi đua', { exact: true }).selectOption({ label: 'Cụm thi đua số 6 (2020)' });
      await page.getByLabel('Năm', { exact: true }).fill('2020');
      await page.getByLabel('Ngày bắt đầu').fill('2020-02-13');
      await page.getByLabel('Tỷ lệ đơn vị trễ hạn (%)').fill('34');
      await page.getByRole('button', { name: 'Diễn tập' }).click();

      const report = page.getByRole('region', { name: 'Kết quả diễn tập: Cụm thi đua số 6' });
      await report.waitFor();
      await expect(page.locator('#rehearsal-summary').textContent()).resolves.toContain('Trạng thái cuối: đã hoàn thành');
      // Two of six units are late: each appears among the missed deadlines by name.
      const lateLine = await report.getByText(/^Đơn vị trễ hạn theo kịch bản: /).textContent();
      const lateUnits = lateLine!.replace('Đơn vị trễ hạn theo kịch bản: ', '').replace(/\.$/, '').split(', ');
      expect(lateUnits).toHaveLength(2);
      const missed = await page.locator('#rehearsal-missed tbody tr td:first-child').allTextContents();
      expect(new Set(missed)).toEqual(new Set(lateUnits));
      await expect(page.getByLabel('Tỷ lệ đơn vị trễ hạn (%)').inputValue()).resolves.toBe('34');
      // Nothing was launched: the campaigns page lists no campaign of this workflow that is running.
      await page.goto(`${base}/campaigns?status=running`);
      expect(await page.getByRole('link', { name: 'Giao ước thử nghiệm năm 2020 – Cụm thi đua số 6' }).count()).toBe(0);
    } finally {
      await rehearsal.close();
    }
  });
});
