import { MikroORM } from '@mikro-orm/core';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';
import { describeBrowser, launchChromium } from '../support/browser';

jest.setTimeout(90_000);

describeBrowser('inbox and campaign page (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Console errors of every page: a CSP violation or a failed load shows up here. */
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  /** A Vietnamese browser of its own (cookies not shared), signed in through the form after asking for `path`. */
  const signedIn = async (username: string, path: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${username}: ${message.text()}`);
    });
    await page.goto(`${t.url}${path}`);
    await page.waitForURL(path === '/' ? `${t.url}/sign-in` : `${t.url}/sign-in?next=${encodeURIComponent(path)}`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${t.url}${path}`);
    return page;
  };

  it('the head of VKS-THA approves the review from the inbox, an officer acknowledges, the campaign page shows 1/6', async () => {
    const base = t.url!;
    const admin = await bearerFor(t, 'admin');
    const clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    const version = await publishedVersion(t, 'browser-pact', fourStageDocument());
    const launched = await t
      .http()
      .post('/api/v1/campaigns')
      .set(admin)
      .send({ workflowVersionId: version.id, name: 'Giao ước thi đua năm 2020 – Cụm 6', year: 2020, clusterId })
      .expect(201);
    const campaignId: string = launched.body.id;

    // The head: the inbox from the header link, one task to review.
    const head = await signedIn('thanhhoa.vientruong', '/');
    await head.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Việc cần làm' }).click();
    await head.waitForURL(`${base}/inbox`);
    expect(await head.getByRole('heading', { level: 1 }).innerText()).toBe('Việc cần làm');
    expect(await head.locator('#inbox-counts').innerText()).toBe('1 việc cần làm');
    const review = head.getByRole('article', { name: 'Cụm trưởng duyệt dự thảo' });
    expect(await review.innerText()).toContain('Giao ước thi đua năm 2020 – Cụm 6');
    expect(await review.innerText()).toContain('VKS-THA — Viện kiểm sát nhân dân tỉnh Thanh Hóa');

    // Returning needs a reason: the browser keeps the empty form from being sent.
    await review.getByRole('button', { name: 'Trả lại' }).click();
    expect(head.url()).toBe(`${base}/inbox`);
    expect(await review.getByLabel('Lý do trả lại (bắt buộc)').evaluate((field) => (field as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);

    await review.getByRole('button', { name: 'Duyệt' }).click();
    await head.waitForURL(`${base}/inbox?flash=approved`);
    expect(await head.getByRole('status').innerText()).toBe('Đã duyệt. Bước tiếp theo đã được giao.');
    // Now VKS-THA's own acknowledge task is open, and the review is listed as done.
    expect(await head.getByRole('article', { name: 'Các đơn vị xác nhận' }).isVisible()).toBe(true);
    expect(await head.locator('section[aria-labelledby="done-heading"]').getByRole('row', { name: /Cụm trưởng duyệt dự thảo/ }).innerText()).toContain('Đã duyệt');

    // An officer of Nghệ An acknowledges for their unit.
    const officer = await signedIn('nghean.canbo', '/inbox');
    expect(await officer.locator('#inbox-counts').innerText()).toBe('1 việc cần làm');
    const acknowledge = officer.getByRole('article', { name: 'Các đơn vị xác nhận' });
    expect(await acknowledge.innerText()).toContain('VKS-NAN — Viện kiểm sát nhân dân tỉnh Nghệ An');
    expect(await acknowledge.locator('time').innerText()).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await acknowledge.getByRole('button', { name: 'Xác nhận' }).click();
    await officer.waitForURL(`${base}/inbox?flash=acknowledged`);
    expect(await officer.getByRole('status').innerText()).toBe('Đã xác nhận.');
    expect(await officer.locator('#inbox-counts').innerText()).toBe('0 việc cần làm');

    // From the done list to the campaign page: the timeline with the acknowledge stage at 1/6.
    await officer.locator('section[aria-labelledby="done-heading"]').getByRole('link', { name: 'Giao ước thi đua năm 2020 – Cụm 6' }).click();
    await officer.waitForURL(`${base}/campaigns/${campaignId}`);
    expect(await officer.getByRole('heading', { level: 1 }).innerText()).toBe('Giao ước thi đua năm 2020 – Cụm 6');
    const current = officer.locator('.timeline > li[aria-current="step"]');
    expect(await current.getByRole('heading').innerText()).toBe('Các đơn vị xác nhận');
    expect(await current.innerText()).toContain('1/6 xong');
    const progress = current.getByRole('progressbar', { name: 'Tiến độ: 1/6 xong' });
    expect(await progress.getAttribute('value')).toBe('1');
    expect(await progress.getAttribute('max')).toBe('6');
    expect(await officer.locator('.timeline > li.is-done').innerText()).toContain('Đã duyệt');
    expect(await officer.locator('#chain-verdict').innerText()).toMatch(/^Chuỗi lịch sử toàn vẹn: \d+ sự kiện/);
    await officer.screenshot({ path: process.env.THIDUA_CAMPAIGN_SCREENSHOT ?? '/tmp/thidua-campaign.png', fullPage: true });

    // The same page in English, and the history behind its link.
    await officer.getByRole('link', { name: 'English' }).click();
    await officer.waitForURL(`${base}/campaigns/${campaignId}?lang=en`);
    expect(await current.innerText()).toContain('1/6 done');
    await officer.getByRole('link', { name: /See the whole history/ }).click();
    await officer.waitForURL(`${base}/campaigns/${campaignId}/history`);
    expect(await officer.getByRole('row', { name: /Phạm Thị Lan, for VKS-NAN/ }).innerText()).toContain('Task completed');

    expect(consoleErrors).toEqual([]);
  });
});
