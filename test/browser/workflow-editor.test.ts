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
    expect(await problems(page)).toEqual(['$.stages["legal-review"].on Kết quả "returned" chưa có bước tiếp theo (OUTCOME_WITHOUT_TARGET)']);
    await expect(page.getByRole('button', { name: 'Công bố' }).isDisabled()).resolves.toBe(true);

    // Fixed in the JSON: a returned review goes back to the draft.
    const json = JSON.parse(await page.getByRole('textbox', { name: 'Bản nháp (JSON)' }).inputValue());
    json.stages['legal-review'].on.returned = 'draft';
    await page.getByRole('textbox', { name: 'Bản nháp (JSON)' }).fill(JSON.stringify(json, null, 2));
    await page.locator('#problems li', { hasText: 'Không có vấn đề' }).waitFor();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã công bố phiên bản 1.' }).waitFor();

    // Published straight after typing, before the editor's own check has run: what the box holds is what is published.
    const renamed = { ...json, name: { vi: 'Giao ước có bước thẩm định pháp lý' } };
    await page.getByRole('textbox', { name: 'Bản nháp (JSON)' }).fill(JSON.stringify(renamed, null, 2));
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã công bố phiên bản 2.' }).waitFor();

    const listed = await t.http().get('/api/v1/workflow-definitions').set(await bearerFor(t, 'admin')).expect(200);
    const copy = listed.body.items.find((item: { key: string }) => item.key === 'cluster-pact-legal');
    expect(copy).toMatchObject({ latestVersion: 2 });
    const [latest] = (await t.http().get(`/api/v1/workflow-definitions/${copy.id}/versions`).set(await bearerFor(t, 'admin')).expect(200)).body.items;
    expect(latest).toMatchObject({ number: 2 });
    const published = (await t.http().get(`/api/v1/workflow-versions/${latest.id}`).set(await bearerFor(t, 'admin')).expect(200)).body;
    expect(published.document.name).toEqual({ vi: 'Giao ước có bước thẩm định pháp lý' });
    expect(consoleErrors).toEqual([]);
  });

  it('completes keys and values at the cursor from the keyboard, and takes the reader from a problem to its place in the JSON', async () => {
    const base = t.url!;
    const typing = await browser.newContext({ locale: 'en-US', viewport: { width: 1300, height: 1000 } });
    try {
      const page = await typing.newPage();
      await signIn(page, base, 'admin', DEMO_PASSWORD, '/admin/workflows');
      await page.getByLabel('Mã', { exact: true }).fill('typed-by-hand');
      await page.getByLabel('Tên', { exact: true }).fill('Gõ tay');
      await page.getByRole('button', { name: 'Tạo', exact: true }).click();
      await page.getByRole('heading', { name: /Gõ tay/ }).waitFor();
      // The editor is ready once it has checked the draft (the script comes after Mermaid's bundle).
      await page.locator('#problems li').first().waitFor();

      const draft = page.getByRole('textbox', { name: 'Bản nháp (JSON)' });
      const suggestions = page.getByRole('listbox', { name: 'Gợi ý' });
      await draft.fill('{\n  "name": "Gõ tay",\n  "start": "check",\n  "stages": {\n    "check": {\n      ');
      // A stage's keys on Ctrl+Space; typing narrows them, Enter writes the key and its colon.
      await draft.press('Control+Space');
      await expect(suggestions.getByRole('option').allTextContents()).resolves.toEqual(expect.arrayContaining(['type', 'assignees', 'due', 'on']));
      await page.keyboard.type('"ty');
      await expect(suggestions.getByRole('option').allTextContents()).resolves.toEqual(['type']);
      await page.keyboard.press('Enter');
      // The stage types with their names in the page's language; arrows move, Enter chooses.
      await page.keyboard.type('"re');
      await suggestions.getByRole('option', { name: 'review — Xem xét' }).waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.type(',\n      ');
      await draft.press('Control+Space');
      await page.keyboard.type('"on');
      await page.keyboard.press('Enter');
      await page.keyboard.type('{ ');
      // The outcomes of a review stage, then the stages this draft has.
      await draft.press('Control+Space');
      await expect(suggestions.getByRole('option').allTextContents()).resolves.toEqual(['approved', 'returned']);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.type('"');
      await expect(suggestions.getByRole('option').allTextContents()).resolves.toEqual(['check']);
      await page.keyboard.press('Escape');
      expect(await suggestions.isHidden()).toBe(true);
      expect(await draft.inputValue()).toContain('"check": {\n      "type": "review",\n      "on": { "returned": "');

      // Malformed JSON is placed by line and column, in the page's language.
      await page.locator('#problems li', { hasText: 'JSON sai cú pháp ở dòng' }).waitFor();

      // A problem's path leads to its key in the text.
      await draft.fill(JSON.stringify({ name: 'Gõ tay', start: 'check', stages: { check: { type: 'review', assignees: ['admin'], on: { approved: 'done', returned: 'check' } }, done: { type: 'end' } }, extra: 1 }, null, 2));
      await page.locator('#problems li', { hasText: 'không có thuộc tính "extra" ở đây' }).waitFor();
      await draft.fill((await draft.inputValue()).replace(',\n  "extra": 1', '').replace('"approved": "done"', '"approved": "nowhere"'));
      await page.locator('#problems li', { hasText: 'Không có bước "nowhere"' }).getByRole('button', { name: '$.stages.check.on.approved' }).click();
      const selected = await draft.evaluate((box) => {
        const area = box as unknown as { value: string; selectionStart: number; selectionEnd: number };
        return area.value.slice(area.selectionStart, area.selectionEnd);
      });
      expect(selected).toBe('"approved"');
    } finally {
      await typing.close();
    }
  });
});
