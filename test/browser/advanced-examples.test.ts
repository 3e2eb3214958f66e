import { Browser, Page } from 'playwright-core';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchChromium, signIn } from '../support/browser';

jest.setTimeout(180_000);

const PHOTO_PDF = Buffer.from('%PDF-1.4\n% ảnh và xác nhận\n%%EOF\n');

/**
 * A good deed through the pages: Nghệ An's officer nominates one of its people with evidence, Thanh Hóa's officer (the
 * cluster head) accepts it, Hà Tĩnh's officer reads it in the published list, and the person's record shows it.
 */
describeBrowser('advanced example pages (headless Chromium)', () => {
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

  async function signedIn(username: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } })).newPage();
    await signIn(page, t.url!, username, DEMO_PASSWORD);
    return page;
  }

  it('nominates with evidence, the cluster head accepts, every unit reads it, and the record shows it', async () => {
    const nghean = await signedIn('nghean.canbo');
    await nghean.getByRole('link', { name: 'Điển hình tiên tiến' }).click();
    await nghean.waitForURL(/\/commendations\/examples$/);
    expect(await nghean.getByRole('heading', { level: 1 }).innerText()).toBe('Điển hình tiên tiến, người tốt – việc tốt');

    await nghean.getByLabel('Loại').selectOption({ label: 'Người tốt, việc tốt' });
    const who = nghean.getByLabel('Người, tập thể được đề cử');
    const name = await who.locator('optgroup option').first().innerText();
    await who.selectOption({ label: name });
    await nghean.getByLabel('Năm').fill('2020');
    await nghean.getByLabel('Thành tích, việc tốt').fill('Cứu người đuối nước trên sông Lam');
    await nghean.getByLabel('Tóm tắt thành tích').fill('Ngày 12/7/2020 đã cứu hai cháu nhỏ bị đuối nước.');
    await nghean.getByRole('button', { name: 'Gửi đề cử' }).click();
    await nghean.waitForURL(/\/commendations\/examples\/[0-9a-f-]{36}\?flash=nominated/);
    expect(await nghean.getByRole('status').first().innerText()).toBe('Đã gửi đề cử.');
    const url = nghean.url().split('?')[0];
    await nghean.getByLabel('Tệp (PDF, ảnh, văn bản)').setInputFiles({ name: 'Xác nhận của xã.pdf', mimeType: 'application/pdf', buffer: PHOTO_PDF });
    await nghean.getByRole('button', { name: 'Đính kèm' }).click();
    await nghean.locator('#attachments a', { hasText: 'Xác nhận của xã.pdf' }).waitFor();
    // Nghệ An may not review its own nomination.
    expect(await nghean.getByRole('button', { name: 'Chấp nhận và công bố' }).count()).toBe(0);

    const hatinh = await signedIn('hatinh.canbo');
    await hatinh.goto(`${t.url!}/commendations/examples`);
    expect(await hatinh.locator('#published').count()).toBe(0);

    const thanhhoa = await signedIn('thanhhoa.canbo');
    await thanhhoa.goto(url);
    // Declining needs a reason: refused with the message, nothing recorded.
    await thanhhoa.getByRole('button', { name: 'Không chấp nhận' }).click();
    await thanhhoa.waitForLoadState();
    expect(await thanhhoa.getByRole('alert').innerText()).toBe('Không chấp nhận đề cử "Cứu người đuối nước trên sông Lam" cần ghi rõ lý do.');
    await thanhhoa.getByLabel('Ý kiến (bắt buộc khi không chấp nhận)').fill('Hành động dũng cảm.');
    await thanhhoa.getByRole('button', { name: 'Chấp nhận và công bố' }).click();
    await thanhhoa.waitForURL(/flash=reviewed/);
    expect(await thanhhoa.locator('.badge').first().innerText()).toBe('Đã công bố');
    expect(await thanhhoa.locator('#review-result').innerText()).toContain('Hành động dũng cảm.');

    await hatinh.goto(`${t.url!}/commendations/examples`);
    expect(await hatinh.locator('#published tr[data-example="Cứu người đuối nước trên sông Lam"] td').nth(1).innerText()).toBe(name);

    const id = url.split('/').pop()!;
    const api = (await t.http().get(`/api/v1/advanced-examples/${id}`).set(await bearerFor(t, 'hatinh.canbo')).expect(200)).body;
    expect(api).toMatchObject({ status: 'accepted', kind: 'good-deed', person: { fullName: name } });
    await nghean.goto(`${t.url!}/commendations/people/${api.person.personId}`);
    expect(await nghean.locator('#timeline li[data-year="2020"] .mark.example').innerText()).toBe('Người tốt, việc tốt: Cứu người đuối nước trên sông Lam');
  });
});
