import { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const UNITS = ['thanhhoa', 'nghean', 'hatinh', 'quangbinh', 'quangtri', 'hue'] as const;
const CAMPAIGN = 'Giao ước thi đua năm 2020 – Cụm 6';
const NEW_TEXT = 'Tỷ lệ kiến nghị, kháng nghị được chấp nhận đạt từ 75% trở lên.';

describeBrowser('deliberation pages: Cluster 6 discusses, amends and adopts its 2020 pact (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let pact: ClusterPactFixture;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    pact = await clusterPactFixture(t);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  const signedIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${username}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(t.url!) && !/^(data|blob|about):/.test(request.url())) foreignRequests.push(request.url());
    });
    await signIn(page, t.url!, username, DEMO_PASSWORD, '/inbox');
    return page;
  };

  /** On a poll page: choose and send; the page confirms with the receipt. */
  const vote = async (page: Page, choice: 'Đồng ý' | 'Không đồng ý') => {
    await page.getByLabel(choice, { exact: true }).check();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.locator('#ballot-flash').waitFor();
    expect(await page.locator('#ballot-flash').innerText()).toMatch(/^Đã ghi nhận phiếu của VKS-[A-Z]{3} — Viện kiểm sát nhân dân tỉnh [^.]+\. Mã biên nhận: [0-9a-f]{16}\.$/);
  };

  it('a thread and an amendment on clause 2, its vote, version 2 with its diff, and version 2 adopted by 5 of 6 with the arithmetic', async () => {
    // The cluster head's draft (the form page is covered by the forms suite): through the API.
    await pact.launchToDiscussion(CAMPAIGN);

    const officers = new Map<string, Page>();
    for (const slug of UNITS) officers.set(slug, await signedIn(`${slug}.canbo`));
    const hatinh = officers.get('hatinh')!;

    // Hà Tĩnh finds the draft from the campaign page and discusses clause 2.
    await hatinh.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đợt thi đua' }).click();
    await hatinh.getByRole('link', { name: CAMPAIGN }).click();
    await hatinh.locator('#campaign-document').click();
    await hatinh.waitForURL(/\/documents\/[0-9a-f-]+$/);
    const documentUrl = hatinh.url();
    expect(await hatinh.getByRole('heading', { level: 1 }).innerText()).toContain('Giao ước thi đua Cụm thi đua số 6 năm 2020');
    const clause2 = hatinh.locator('#clause-c-2');
    expect(await clause2.innerText()).toContain('Điều 2.');
    await clause2.getByText('Góp ý điều này').click().catch(() => undefined);
    await clause2.getByLabel('Tiêu đề chủ đề').fill('Chỉ tiêu kháng nghị');
    await clause2.getByLabel('Nội dung góp ý').fill('Đề nghị nâng chỉ tiêu lên 75%, đề nghị @VKS-QBI cho ý kiến.');
    await clause2.getByRole('button', { name: 'Gửi góp ý' }).click();
    await hatinh.waitForLoadState();
    expect(await hatinh.locator('#clause-c-2').innerText()).toContain('Võ Thị Hằng (thay mặt VKS-HTI)');

    // …and proposes the amendment; its vote opens at once.
    await hatinh.getByLabel('Loại sửa đổi').selectOption('replace');
    await hatinh.getByLabel(/^Điều khoản \(với/).selectOption('c-2');
    await hatinh.getByLabel('Nội dung mới của điều (bỏ trống khi xóa)').fill(NEW_TEXT);
    await hatinh.getByLabel('Lý do (bắt buộc)').fill('Nâng chỉ tiêu cho phù hợp kết quả năm 2019.');
    await hatinh.getByRole('button', { name: 'Gửi đề xuất sửa đổi' }).click();
    await hatinh.waitForLoadState();
    const amendment = hatinh.locator('article, li, section').filter({ hasText: 'Sửa đổi số 1 — VKS-HTI' }).last();
    await amendment.getByRole('link', { name: 'Xem và biểu quyết' }).click();
    await hatinh.waitForURL(/\/polls\/[0-9a-f-]+$/);
    const amendmentPollUrl = hatinh.url();
    expect(await hatinh.getByRole('heading', { level: 1 }).innerText()).toBe('Biểu quyết: Sửa đổi số 1 (VKS-HTI)');

    // The six units vote on the amendment: five agree.
    for (const slug of UNITS) {
      const page = officers.get(slug)!;
      await page.goto(amendmentPollUrl);
      await vote(page, slug === 'quangtri' ? 'Không đồng ý' : 'Đồng ý');
    }
    // Everyone has voted: the amendment's vote is closed and decided at once, with its arithmetic.
    await hatinh.reload();
    expect(await hatinh.locator('#poll-outcome').innerText()).toBe('Thông qua');
    expect(await hatinh.locator('#poll-arithmetic').innerText()).toBe('5/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 10 > 6 → thông qua');

    // The head closes the discussion from the inbox: the amendment becomes version 2.
    const headPage = await signedIn('thanhhoa.vientruong');
    const discussion = headPage.getByRole('article', { name: 'Thảo luận tập thể dự thảo giao ước' });
    // It cannot be undone: the box must be ticked first (the browser keeps the form until it is).
    await discussion.getByRole('button', { name: 'Kết thúc thảo luận' }).click();
    expect(headPage.url()).toBe(`${t.url}/inbox`);
    await discussion.getByRole('checkbox', { name: /không thể hoàn tác/ }).check();
    await discussion.getByRole('button', { name: 'Kết thúc thảo luận' }).click();
    await headPage.waitForURL(`${t.url}/inbox?flash=closed`);
    expect(await headPage.getByRole('status').innerText()).toBe('Đã kết thúc thảo luận.');

    await hatinh.goto(documentUrl);
    expect(await hatinh.locator('#clause-c-2').innerText()).toContain(NEW_TEXT);
    await hatinh.getByRole('link', { name: 'So sánh với phiên bản trước' }).click();
    await hatinh.waitForURL(/\/diff\?/);
    expect((await hatinh.locator('ins').allInnerTexts()).join(' ')).toContain('từ 75');
    expect(await hatinh.locator('main').innerText()).toContain('Sửa đổi số 1 của VKS-HTI');

    // Each unit votes on version 2 from its inbox; Quảng Trị disagrees.
    for (const slug of UNITS) {
      const page = officers.get(slug)!;
      await page.goto(`${t.url}/inbox`);
      await page.getByRole('article', { name: 'Biểu quyết thông qua giao ước' }).getByRole('link', { name: 'Xem và bỏ phiếu' }).click();
      await page.waitForURL(/\/polls\/[0-9a-f-]+/);
      expect(await page.locator('#poll-rule').innerText()).toBe('Thông qua khi số đồng ý lớn hơn 1/2 tổng số thành viên; ngang phiếu thì theo phiếu của đơn vị chủ trì (cụm trưởng).');
      await vote(page, slug === 'quangtri' ? 'Không đồng ý' : 'Đồng ý');
    }

    // The result with its arithmetic, and the campaign is over.
    const last = officers.get('hue')!;
    await last.reload();
    expect(await last.locator('#poll-outcome').innerText()).toBe('Thông qua');
    expect(await last.locator('#poll-arithmetic').innerText()).toBe('5/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 10 > 6 → thông qua');
    expect(await last.locator('#counted tbody tr').count()).toBe(6);
    await last.getByRole('link', { name: 'Quay lại đợt thi đua' }).click();
    // Adopted: the campaign goes on, the units now register their titles before signing.
    const campaignPage = await last.locator('main').innerText();
    expect(campaignPage).toContain('6/6 đơn vị đã bỏ phiếu');
    expect(campaignPage).toMatch(/ĐANG THỰC HIỆN\s+Các đơn vị đăng ký danh hiệu thi đua/);
    await last.screenshot({ path: process.env.THIDUA_PACT_SCREENSHOT ?? '/tmp/thidua-pact.png', fullPage: true });

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
