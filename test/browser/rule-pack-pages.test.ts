import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { syncBuiltinRulePacks } from '../../src/modules/commendations/records/builtin-rule-packs-sync';
import { RulePackLibraryService } from '../../src/modules/commendations/records/rule-pack-library.service';
import { builtinRulePacksDir } from '../../src/modules/commendations/rules/builtin-rule-packs';
import { RulePack } from '../../src/modules/commendations/rules/rule-pack';
import { axeViolations } from '../support/axe';
import { describeBrowserOnce, launchChromium, signIn } from '../support/browser';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const pack2024 = (): RulePack => JSON.parse(readFileSync(join(builtinRulePacksDir(), 'rules-2024-procuracy.pack.json'), 'utf8')) as RulePack;

/** Every axe-core violation of the page (WCAG 2.1 A and AA, of any impact), one line each: none expected. */
async function violations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 120)).join(' | ')}`);
}

/**
 * The rule pack pages as an administrator uses them, without any script of ours: the list, a built-in pack in words,
 * a new pack published from the list's form, a broken next version refused with its problems beside the text as
 * typed, and the English pages through the language cookie; axe-core on each.
 */
describeBrowserOnce('rule pack pages (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    await syncBuiltinRulePacks(t.app.get(RulePackLibraryService));
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, t.url!, 'admin', DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the packs and states a built-in one in words', async () => {
    await page.getByRole('link', { name: 'Bộ quy định khen thưởng' }).click();
    await page.waitForURL(`${t.url}/admin/rule-packs`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Bộ quy định thi đua, khen thưởng');
    const table = page.getByRole('table', { name: 'Các bộ quy định theo thứ tự áp dụng' });
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-pack')))).toEqual(['rules-before-2024', 'rules-2024-procuracy']);
    expect(await table.locator('tr[data-pack="rules-before-2024"] td').nth(1).innerText()).toBe('2018–2023');
    expect(await violations(page)).toEqual([]);

    await page.getByRole('link', { name: pack2024().name.vi }).click();
    await page.waitForURL(`${t.url}/admin/rule-packs/rules-2024-procuracy`);
    const individual = page.getByRole('table', { name: 'Danh hiệu cá nhân' });
    expect(await individual.locator('tr[data-title="CSTDCS"] li[data-rule="CSTDCS.same-year-LDTT"]').innerText()).toBe(
      'Có danh hiệu Lao động tiên tiến trong năm xét (Luật Thi đua, khen thưởng 06/2022/QH15)',
    );
    await page.getByText('Nội dung JSON của phiên bản đang xem').waitFor();
    await page.locator('details summary').click();
    expect(await page.locator('pre.json').innerText()).toContain('"key": "rules-2024-procuracy"');
    expect(await violations(page)).toEqual([]);
  });

  it('publishes a new pack from the form, refuses a broken next version beside the text as typed, and keeps the stored one', async () => {
    await page.getByRole('link', { name: 'Công bố bộ mới dựa trên bộ này' }).click();
    await page.waitForURL(`${t.url}/admin/rule-packs?from=rules-2024-procuracy#new-pack`);
    const textarea = page.getByLabel('Nội dung bộ quy định (JSON)');
    expect(JSON.parse(await textarea.inputValue())).toMatchObject({ key: 'rules-2024-procuracy-2', effectiveFrom: '2024-01-01' });
    const pack: RulePack = {
      ...pack2024(),
      key: 'rules-2026-browser',
      name: { vi: 'Quy tắc khen thưởng thử nghiệm 2026', en: 'Trial commendation rules 2026' },
      effectiveFrom: '2026-01-01',
      caps: [{ id: 'cap.CSTDCS-of-LDTT', title: 'CSTDCS', base: { title: 'LDTT' }, percent: 10, rounding: 'floor', source: 'Quy định thử nghiệm 2026' }],
    };
    await textarea.fill(JSON.stringify(pack, null, 2));
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.waitForURL(`${t.url}/admin/rule-packs/rules-2026-browser?flash=published&number=1`);
    expect(await page.getByRole('status').first().innerText()).toBe('Đã công bố phiên bản 1.');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Quy tắc khen thưởng thử nghiệm 2026');
    expect(await page.getByRole('table', { name: 'Danh hiệu cá nhân' }).locator('li[data-rule="cap.CSTDCS-of-LDTT"]').innerText()).toBe(
      'Tối đa 10% số người có LĐTT của đơn vị, làm tròn xuống (Quy định thử nghiệm 2026)',
    );
    expect(await violations(page)).toEqual([]);

    // The next version names a title the pack lacks and makes LĐTT require CSTĐCS, which requires LĐTT.
    const broken = JSON.parse(JSON.stringify(pack)) as RulePack;
    (broken.titles[2].prerequisites[0] as { title: string }).title = 'CSTD-KHONG-CO';
    broken.titles[0].prerequisites.push({ kind: 'same-year-title', id: 'LDTT.needs-CSTDCS', title: 'CSTDCS', source: 'Thử nghiệm' });
    const typed = JSON.stringify(broken, null, 2);
    const form = page.getByLabel('Nội dung bộ quy định (JSON)');
    expect(JSON.parse(await form.inputValue())).toEqual(pack);
    await form.fill(typed);
    await page.getByRole('button', { name: 'Công bố' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getByRole('heading').innerText()).toBe('Chưa công bố được: 2 lỗi');
    expect(await alert.locator('li').allInnerTexts()).toEqual([
      'titles[2].prerequisites[0].title: danh hiệu "CSTD-KHONG-CO" không có trong bộ quy tắc',
      'titles[1].prerequisites[0]: danh hiệu tự đòi hỏi chính nó: LDTT → CSTDCS → LDTT',
    ]);
    expect(await form.inputValue()).toBe(typed);
    expect(await form.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('table', { name: 'Các phiên bản' }).locator('tbody tr').count()).toBe(1);
    expect(await violations(page)).toEqual([]);

    // Starting again from another pack keeps this pack's key.
    await page.getByLabel('Bắt đầu từ bộ').selectOption('rules-before-2024');
    await page.getByRole('button', { name: 'Nạp nội dung' }).click();
    await page.waitForURL(`${t.url}/admin/rule-packs/rules-2026-browser?from=rules-before-2024#publish`);
    expect(JSON.parse(await page.getByLabel('Nội dung bộ quy định (JSON)').inputValue())).toMatchObject({ key: 'rules-2026-browser', effectiveFrom: '2018-01-01' });
  });

  it('speaks English when the language cookie says so', async () => {
    await page.context().addCookies([{ name: 'lang', value: 'en', url: t.url! }]);
    await page.goto(`${t.url}/admin/rule-packs`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Commendation rule packs');
    expect(await page.getByRole('table', { name: 'Rule packs in the order they take effect' }).locator('tr[data-pack="rules-2026-browser"] td').first().innerText()).toBe('2026-01-01');
    expect(await violations(page)).toEqual([]);

    await page.goto(`${t.url}/admin/rule-packs/rules-2024-procuracy`);
    expect(await page.getByRole('table', { name: 'Individual titles' }).locator('li[data-rule="CSTDCS.same-year-LDTT"]').innerText()).toBe(
      'Holds the Advanced Worker title in the year under review (Luật Thi đua, khen thưởng 06/2022/QH15)',
    );
    expect(await page.locator('#nomination-vote').innerText()).toContain('Secret ballot; nominated with at least 4/5 of the Emulation-Commendation Council agreeing');
    expect(await violations(page)).toEqual([]);
  });
});
