import { Browser, BrowserContext } from 'playwright-core';
import { expectNoSeriousViolations } from '../support/axe';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

describeBrowser('the organisation pages: a person and their mandate (headless Chromium)', () => {
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

  it('an administrator adds a person, gives them a mandate in a unit chosen by name, sees it listed with its validity, and ends it', async () => {
    const base = t.url!;
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, 'admin', DEMO_PASSWORD, '/admin/org');
    await page.getByRole('link', { name: 'Cán bộ', exact: true }).first().click();
    await page.waitForURL(`${base}/admin/org/people`);
    await expectNoSeriousViolations(page, 'the people list');

    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('hatinh.canbo2');
    await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Hà');
    await page.getByLabel('Thư điện tử', { exact: true }).fill('ha@vks-hatinh.example.vn');
    await page.getByLabel('Chức vụ', { exact: true }).fill('Cán bộ thi đua');
    await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau');
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thêm cán bộ.' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nguyễn Thị Hà');

    await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh (VKS-HTI)' });
    await page.getByLabel('Chức trách', { exact: true }).selectOption({ label: 'Cấp phó' });
    await page.getByLabel('Hiệu lực từ', { exact: true }).fill('2020-03-01');
    await page.getByRole('button', { name: 'Giao ủy quyền' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã giao ủy quyền.' }).waitFor();

    const mandates = page.getByRole('region', { name: 'Ủy quyền (chức trách tại đơn vị)' });
    const row = mandates.getByRole('row', { name: /Viện kiểm sát nhân dân tỉnh Hà Tĩnh/ });
    const cells = async () => (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
    expect((await cells()).slice(0, 4)).toEqual(['Cấp phó', '01/03/2020', 'Không thời hạn', 'Đang hiệu lực']);
    await expectNoSeriousViolations(page, 'a person with a mandate');

    // Ended on a day: the row keeps the mandate, now ended, with no end form left.
    await row.getByLabel('Ngày hiệu lực cuối').fill('2020-12-31');
    await row.getByRole('button', { name: /Kết thúc ủy quyền/ }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi ngày kết thúc ủy quyền.' }).waitFor();
    expect((await cells()).slice(0, 4)).toEqual(['Cấp phó', '01/03/2020', '31/12/2020', 'Đã kết thúc']);
    expect(await row.getByRole('button').count()).toBe(0);

    // The unit's page, reached by the unit's name, no longer lists them among its people today.
    await row.getByRole('link', { name: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh' }).click();
    await page.getByRole('heading', { name: 'Cán bộ có ủy quyền còn hiệu lực hôm nay' }).waitFor();
    await expect(page.getByRole('region', { name: 'Cán bộ có ủy quyền còn hiệu lực hôm nay' }).textContent()).resolves.not.toContain('Nguyễn Thị Hà');
    await expectNoSeriousViolations(page, 'a unit');

    await page.goto(`${base}/admin/org/units?archived=1&lang=en`);
    await page.getByRole('navigation', { name: 'Unit tree' }).getByRole('link', { name: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh' }).waitFor();
    await expectNoSeriousViolations(page, 'the unit tree in English');
  });
});
