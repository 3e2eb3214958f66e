import { Browser, Page } from 'playwright-core';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchChromium, signIn } from '../support/browser';

jest.setTimeout(180_000);

const PDF = Buffer.from('%PDF-1.4\n% mô tả sáng kiến\n%%EOF\n');

/**
 * An initiative through the pages: an officer of Thanh Hóa submits one of a staff member's initiatives and attaches
 * its description, an administrator puts it to the Initiatives Council, both council members vote for it, and the
 * administrator records the decision that recognises it.
 */
describeBrowser('initiative pages (headless Chromium)', () => {
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

  /** A page of its own (cookies apart) signed in as the person. */
  async function signedIn(username: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } })).newPage();
    await signIn(page, t.url!, username, DEMO_PASSWORD);
    return page;
  }

  it('submits, attaches, puts to the council, votes and records the recognition, in Vietnamese', async () => {
    const officer = await signedIn('thanhhoa.canbo');
    await officer.getByRole('link', { name: 'Sáng kiến' }).click();
    await officer.waitForURL(/\/commendations\/initiatives$/);
    expect(await officer.getByRole('heading', { level: 1 }).innerText()).toBe('Sáng kiến');
    expect(await officer.getByText('Chưa có đơn nào.').count()).toBe(1);

    // The author is one of the unit's staff that year.
    const author = officer.getByLabel('Tác giả');
    const authorName = await author.locator('optgroup option').first().innerText();
    await author.selectOption({ label: authorName });
    await officer.getByLabel('Năm').fill('2020');
    await officer.getByLabel('Tên sáng kiến').fill('Phần mềm theo dõi thời hạn tố tụng');
    await officer.getByLabel('Mô tả nội dung, cách thực hiện').fill('Nhắc hạn tạm giam, hạn điều tra cho kiểm sát viên.\nChạy trên mạng nội bộ.');
    await officer.getByLabel('Hiệu quả, lợi ích mang lại').fill('Không để quá hạn tố tụng trong năm 2020.');
    await officer.getByRole('button', { name: 'Gửi đơn' }).click();
    await officer.waitForURL(/\/commendations\/initiatives\/[0-9a-f-]{36}\?flash=submitted/);
    expect(await officer.getByRole('status').first().innerText()).toBe('Đã gửi đơn.');
    expect(await officer.getByRole('heading', { level: 1 }).innerText()).toBe('Phần mềm theo dõi thời hạn tố tụng');
    expect(await officer.locator('.badge').first().innerText()).toBe('Đã gửi');
    const url = officer.url().split('?')[0];
    const id = url.split('/').pop()!;

    await officer.getByLabel('Tệp (PDF, ảnh, văn bản)').setInputFiles({ name: 'Mô tả sáng kiến.pdf', mimeType: 'application/pdf', buffer: PDF });
    await officer.getByRole('button', { name: 'Đính kèm' }).click();
    await officer.locator('#attachments a', { hasText: 'Mô tả sáng kiến.pdf' }).waitFor();
    // The officer may not put it to the council.
    expect(await officer.getByRole('button', { name: 'Đưa ra Hội đồng sáng kiến biểu quyết' }).count()).toBe(0);

    const admin = await signedIn('admin');
    await admin.goto(url);
    await admin.getByRole('button', { name: 'Đưa ra Hội đồng sáng kiến biểu quyết' }).click();
    await admin.waitForURL(/flash=review/);
    expect(await admin.getByRole('status').first().innerText()).toBe('Đã đưa ra Hội đồng sáng kiến.');
    expect(await admin.locator('#vote').innerText()).toContain('0/2');

    for (const member of ['tdkt.vutruong', 'tdkt.chuyenvien']) {
      const page = await signedIn(member);
      await page.goto(url);
      await page.getByLabel('Đồng ý công nhận').check();
      await page.getByRole('button', { name: 'Bỏ phiếu' }).click();
      await page.waitForURL(/flash=voted/);
      expect(await page.getByRole('status').first().innerText()).toBe('Đã ghi phiếu của bạn.');
      expect(await page.locator('#vote').innerText()).toContain('Phiếu của bạn: Đồng ý công nhận.');
      await page.context().close();
    }

    await admin.goto(url);
    expect(await admin.locator('#vote').innerText()).toContain('2/2');
    await admin.getByLabel('Số quyết định').fill('7/QĐ-HĐSK');
    await admin.getByLabel('Ngày ký').fill('2020-11-20');
    await admin.getByRole('button', { name: 'Ghi quyết định' }).click();
    await admin.waitForURL(/flash=decided/);
    const decision = await admin.locator('#decision').innerText();
    expect(decision).toContain('Được công nhận');
    expect(decision).toContain('Quyết định số 7/QĐ-HĐSK ngày 20/11/2020');
    expect(decision).toContain('Cấp cơ sở');

    const api = (await t.http().get(`/api/v1/initiatives/${id}`).set(await bearerFor(t, 'admin')).expect(200)).body;
    expect(api).toMatchObject({ status: 'recognised', author: { fullName: authorName }, decision: { number: '7/QĐ-HĐSK', scope: 'unit', vote: { outcome: 'passed' } } });
    expect(api.attachments).toHaveLength(1);
    const record = (await t.http().get(`/api/v1/people/${api.author.personId}/commendation-record`).set(await bearerFor(t, 'admin')).expect(200)).body;
    expect(record.initiatives).toContainEqual({ name: 'Phần mềm theo dõi thời hạn tố tụng', year: 2020, scope: 'unit', decisionNumber: '7/QĐ-HĐSK' });

    // The officer's list shows it decided.
    await officer.goto(`${t.url!}/commendations/initiatives`);
    expect(await officer.locator('tr[data-initiative="Phần mềm theo dõi thời hạn tố tụng"] .badge').innerText()).toBe('Được công nhận');
  });

  it('keeps what was typed and says why when the unit cannot submit it', async () => {
    const officer = await signedIn('thanhhoa.canbo');
    await officer.goto(`${t.url!}/commendations/initiatives`);
    await officer.getByLabel('Tên sáng kiến').fill('Ngắn');
    await officer.getByLabel('Mô tả nội dung, cách thực hiện').fill('Mô tả đủ dài để gửi.');
    await officer.getByLabel('Hiệu quả, lợi ích mang lại').fill('Lợi ích đủ dài để gửi.');
    // Nobody is on the unit's staff records for 2031.
    await officer.getByLabel('Năm').fill('2031');
    const author = officer.getByLabel('Tác giả');
    await author.selectOption({ label: await author.locator('optgroup option').first().innerText() });
    await officer.getByRole('button', { name: 'Gửi đơn' }).click();
    await officer.waitForLoadState();
    expect(await officer.getByRole('alert').innerText()).toMatch(/không thuộc biên chế của .+ trong năm 2031/);
    expect(await officer.getByLabel('Tên sáng kiến').inputValue()).toBe('Ngắn');
    expect(await officer.getByLabel('Năm').inputValue()).toBe('2031');
  });
});
