import { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { clusterPactFixture } from '../support/cluster-pact';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describeBrowser('the workflow editor (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
    await clusterPactFixture(t);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const problems = (page: Page) => page.locator('#problems li').allTextContents();

  it('copies cluster-pact, adds a review stage from the panel, sees the diagram and a problem at its path, fixes it and publishes', async () => {
    const base = t.url!;
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1300, height: 1000 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await signIn(page, base, 'admin', DEMO_PASSWORD, '/admin/workflows');

    const row = page.locator('tr', { has: page.locator('code', { hasText: /^cluster-pact$/ }) });
    await row.getByLabel('Mã mới').fill('cluster-pact-legal');
    await row.getByLabel('Tên mới').fill('Giao ước có bước thẩm định');
    await row.getByRole('button', { name: 'Tạo bản sao' }).click();
    await page.getByRole('heading', { name: /Giao ước có bước thẩm định/ }).waitFor();

    // The copy is valid: no problems, the diagram drawn from the server's Mermaid source.
    await page.locator('#problems li', { hasText: 'Không có vấn đề' }).waitFor();
    await page.locator('#diagram svg').waitFor();
    const firstDrawing = await page.locator('#diagram').getAttribute('data-drawn');
    expect(await page.locator('#diagram-source').textContent()).not.toContain('Thẩm định pháp lý');

    // A review stage after the draft, sent nowhere yet: the review's "returned" outcome leads to no stage.
    await page.getByLabel('Mã bước (chữ thường, số, gạch ngang)').fill('legal-review');
    await page.getByLabel('Loại bước').selectOption('review');
    await page.getByLabel('Tên bước').fill('Thẩm định pháp lý');
    await page.getByLabel('Người thực hiện').selectOption('cluster-deputy');
    await page.getByLabel('Sau bước').selectOption('draft');
    await page.getByLabel('khi có kết quả').fill('submitted');
    await page.getByLabel('rồi chuyển sang bước').selectOption('discussion');
    await page.getByRole('button', { name: 'Thêm bước' }).click();

    // The review has two outcomes and only "approved" leads somewhere: the problem names its path.
    await page.locator('#diagram-source', { hasText: 'Thẩm định pháp lý' }).waitFor({ state: 'attached' });
    await page.locator(`#diagram:not([data-drawn="${firstDrawing}"]) svg`).waitFor();
    expect(await page.locator('#diagram svg').textContent()).toContain('Thẩm định pháp lý');
    await page.locator('#problems li', { hasText: 'OUTCOME_WITHOUT_TARGET' }).waitFor();
    expect(await problems(page)).toEqual(['$.stages["legal-review"].on outcome "returned" has no next stage (OUTCOME_WITHOUT_TARGET)']);
    await expect(page.getByRole('button', { name: 'Công bố' }).isDisabled()).resolves.toBe(true);

    // Fixed in the JSON: a returned review goes back to the draft.
    const json = JSON.parse(await page.getByRole('textbox', { name: 'Bản nháp (JSON)' }).inputValue());
    json.stages['legal-review'].on.returned = 'draft';
    await page.getByRole('textbox', { name: 'Bản nháp (JSON)' }).fill(JSON.stringify(json, null, 2));
    await page.locator('#problems li', { hasText: 'Không có vấn đề' }).waitFor();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã công bố phiên bản 1.' }).waitFor();

    const listed = await t.http().get('/api/v1/workflow-definitions').set(await bearerFor(t, 'admin')).expect(200);
    const copy = listed.body.items.find((item: { key: string }) => item.key === 'cluster-pact-legal');
    expect(copy).toMatchObject({ latestVersion: 1, name: 'Giao ước có bước thẩm định' });
    expect(consoleErrors).toEqual([]);
  });
});
