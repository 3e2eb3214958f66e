import { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchChromium } from '../support/browser';

jest.setTimeout(90_000);

describeBrowser('sign-in through the pages (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
    // A Vietnamese browser, as most users have; Chromium would otherwise ask for English.
    page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1100, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, shows the units, switches to English and signs out', async () => {
    const base = t.url!;
    const bodyText = () => page.locator('body').innerText();

    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/sign-in`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.title()).resolves.toContain('Đăng nhập');

    await page.getByLabel('Tên đăng nhập').fill('thanhhoa.vientruong');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/`);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Xin chào, Lê Văn Thành');
    const row = page.getByRole('row', { name: /VKS-THA/ });
    expect(await row.innerText()).toContain('Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect(await row.innerText()).toContain('Thủ trưởng đơn vị');
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Chức trách', 'Hiệu lực từ', 'Đến']);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/?lang=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Hello, Lê Văn Thành');
    expect(await bodyText()).toContain('Units and mandates valid today');
    expect(await page.getByRole('row', { name: /VKS-THA/ }).innerText()).toContain('Head of unit');
    await page.screenshot({ path: process.env.THIDUA_SCREENSHOT ?? '/tmp/thidua-home.png', fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/sign-in`);
    // The language choice outlives the session.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in');
    expect(await page.getByLabel('Username').inputValue()).toBe('');

    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/sign-in`);
  });

  it('tells a wrong password in the page, keeping the username', async () => {
    await page.goto(`${t.url}/sign-in?lang=vi`);
    await page.getByLabel('Tên đăng nhập').fill('nghean.vientruong');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('nghean.vientruong');
  });
});
