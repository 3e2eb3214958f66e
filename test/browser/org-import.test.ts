import { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchChromium, signIn } from '../support/browser';

jest.setTimeout(180_000);

const BAD = ['code,name,shortName,parentCode', 'VKS-TRINH-DUYET,Đơn vị thử trình duyệt,,VKSNDTC', 'VKS-TRINH-DUYET-2,,,VKS-TRINH-DUYET'].join('\n');
const GOOD = ['code,name,shortName,parentCode', 'VKS-TRINH-DUYET,Đơn vị thử trình duyệt,,VKSNDTC', 'VKS-TRINH-DUYET-2,Đơn vị con thử trình duyệt,,VKS-TRINH-DUYET'].join('\n');

/**
 * The CSV import page as an administrator uses it: a file with a problem is previewed (the problem beside its row, no
 * Import button), then the corrected file is previewed and imported, through the page's script and its progress lines.
 */
describeBrowser('CSV import page (headless Chromium)', () => {
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

  /** Chooses the file and asks for the preview; resolves with the content type of the answer the page got. */
  async function preview(page: Page, name: string, csv: string): Promise<string> {
    await page.getByLabel('Tệp CSV').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const answer = page.waitForResponse((response) => response.url().endsWith('/admin/org/imports/preview'));
    await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
    const contentType = (await answer).headers()['content-type'];
    await page.waitForURL(/\/admin\/org\/imports\/[0-9a-f-]{36}$/);
    return contentType;
  }

  it('previews a file with a problem beside its row, then imports the corrected file and shows the result', async () => {
    const page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 900 } })).newPage();
    await signIn(page, t.url!, 'admin', DEMO_PASSWORD);
    await page.goto(`${t.url}/admin/org/imports`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Nhập dữ liệu từ tệp CSV');
    expect(await page.getByLabel('Đơn vị', { exact: true }).isChecked()).toBe(true);

    // The script sent it and read the server's progress lines (a plain form would have had a 303).
    expect(await preview(page, 'đơn vị lỗi.csv', BAD)).toBe('application/x-ndjson; charset=utf-8');
    expect(await page.locator('#import-summary').innerText()).toContain('2 dòng dữ liệu, 1 dòng có lỗi.');
    const badRow = page.locator('#line-3');
    expect(await badRow.locator('td').last().innerText()).toBe('name: Thiếu giá trị bắt buộc.');
    expect(await page.locator('#line-2 td').last().innerText()).toBe('Hợp lệ');
    expect(await page.getByRole('button', { name: /^Nhập/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Chọn tệp khác' }).click();
    await page.waitForURL(/\/admin\/org\/imports\?kind=units$/);
    await preview(page, 'đơn vị.csv', GOOD);
    expect(await page.locator('#import-summary').innerText()).toContain('Không có lỗi: có thể nhập cả 2 dòng.');
    expect(await page.locator('#line-3 td').nth(1).innerText()).toBe('Đơn vị con thử trình duyệt');

    await page.getByRole('button', { name: 'Nhập 2 đơn vị' }).click();
    await page.waitForURL(/\/admin\/org\/imports\/[0-9a-f-]{36}\?flash=imported$/);
    expect(await page.getByRole('status').first().innerText()).toBe('Đã nhập xong.');
    expect(await page.locator('#import-created').innerText()).toBe('Đã tạo 2 đơn vị từ tệp này.');

    await page.getByRole('link', { name: 'Xem cây đơn vị' }).click();
    await page.waitForURL(/\/admin\/org\/units$/);
    expect(await page.locator('[data-unit="VKS-TRINH-DUYET-2"]').count()).toBe(1);
    await page.context().close();
  });
});
