import { readFile } from 'node:fs/promises';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchChromium, serveScriptLate, signIn } from '../support/browser';
import { clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { CLUSTER_6_UNIT_NAMES, SCANNED_PAGE, SigningFlow, signingFlow } from '../support/signing-flow';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const CAMPAIGN = 'Giao ước thi đua năm 2020 – ký kết Cụm 6';

describeBrowser('signing pages: Cluster 6 signs its adopted pact with passkeys, digital signatures and on paper (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let pact: ClusterPactFixture;
  let flow: SigningFlow;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    // Passkeys are bound to the origin people open: the app's PUBLIC_URL is the address Chromium opens.
    t = await startTestApp({ publicUrl: true });
    pact = await clusterPactFixture(t);
    flow = await signingFlow(t, pact);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    flow?.dispose();
    await t?.close();
  });

  /** A signed-in tab; with `authenticator`, Chromium's virtual authenticator (a platform passkey with user verification) is attached. */
  const signedIn = async (username: string, options: { authenticator?: boolean } = {}): Promise<Page> => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 1000 }, acceptDownloads: true });
    contexts.push(context);
    await serveScriptLate(context, '/assets/app/js/signing-page.js');
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${username}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(t.url!) && !/^(data|blob|about):/.test(request.url())) foreignRequests.push(request.url());
    });
    if (options.authenticator) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
      });
    }
    await signIn(page, t.url!, username, DEMO_PASSWORD, '/inbox');
    return page;
  };

  /** From the inbox, the campaign's sign task opens its page. */
  const openSigning = async (page: Page) => {
    await page.goto(`${t.url}/inbox`);
    await page.locator('article.task', { hasText: CAMPAIGN }).getByRole('link', { name: 'Xem và ký' }).click();
    await page.waitForURL(/\/inbox\/tasks\/[0-9a-f-]+\/sign$/);
  };

  it('the heads of Thanh Hóa, Nghệ An and Huế register passkeys and sign with them; Hà Tĩnh uploads a CMS signature; Quảng Trị signs on paper; the pact is in force', async () => {
    const { campaignId, contentHash } = await flow.toSigning(CAMPAIGN);

    for (const [slug, code] of [['thanhhoa', 'VKS-THA'], ['nghean', 'VKS-NAN'], ['hue', 'VKS-TTH']] as const) {
      const page = await signedIn(`${slug}.vientruong`, { authenticator: true });
      // The account page, from the main navigation: register a passkey.
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Khóa truy cập' }).click();
      await page.getByLabel('Tên gợi nhớ của khóa').fill(`Máy tính của Viện trưởng ${code}`);
      await page.getByRole('button', { name: 'Đăng ký khóa truy cập' }).click();
      // The outcome, whichever it is: a refusal or a failed ceremony shows its message in the test's failure.
      const outcome = page.locator('#passkey-flash, #passkey-error, #register-status.is-error').first();
      await outcome.waitFor();
      expect(await outcome.innerText()).toContain(`Đã đăng ký khóa truy cập “Máy tính của Viện trưởng ${code}”.`);
      expect(await page.locator('#passkeys').innerText()).toContain(`Máy tính của Viện trưởng ${code}`);

      // The signing page: the adopted version bound by its hash, then the passkey signs the statement.
      await openSigning(page);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Ký giao ước: ${code} — ${CLUSTER_6_UNIT_NAMES[code]}`);
      expect(await page.locator('#signing-content-hash code').getAttribute('title')).toBe(contentHash);
      await page.getByRole('button', { name: 'Ký bằng khóa truy cập' }).click();
      const signed = page.locator('#signing-flash, #signing-error, #passkey-status.is-error').first();
      await signed.waitFor();
      expect(await signed.innerText()).toMatch(new RegExp(`^Đã ký cho ${code}\\. Mã băm lời cam kết: [0-9a-f]{16}\\.$`));
      expect(await page.locator(`#signature-${code}`).innerText()).toContain('Khóa truy cập');
    }

    // Hà Tĩnh's head downloads the statement, signs it with the unit's certificate (openssl cms here) and uploads both files.
    const certificate = flow.pki.issue('Nguyễn Văn Hà', CLUSTER_6_UNIT_NAMES['VKS-HTI']);
    await t.http().post(`/api/v1/signing/people/${flow.headIds.get('VKS-HTI')}/certificates`).set(pact.admin).send({ certificate: certificate.pem.toString('utf8') }).expect(201);
    const hatinh = await signedIn('hatinh.vientruong');
    await openSigning(hatinh);
    const [download] = await Promise.all([hatinh.waitForEvent('download'), hatinh.locator('#statement-download').click()]);
    expect(download.suggestedFilename()).toBe('loi-cam-ket-ky-VKS-HTI.json');
    const statement = await readFile((await download.path())!);
    await hatinh.getByLabel('Tệp lời cam kết đã ký (.json)').setInputFiles({ name: 'loi-cam-ket-ky-VKS-HTI.json', mimeType: 'application/json', buffer: statement });
    await hatinh.getByLabel('Tệp chữ ký (.p7s)').setInputFiles({ name: 'loi-cam-ket-ky-VKS-HTI.json.p7s', mimeType: 'application/pkcs7-signature', buffer: flow.pki.sign(statement, certificate) });
    await hatinh.getByRole('button', { name: 'Gửi chữ ký số' }).click();
    await hatinh.locator('#signing-flash').waitFor();
    expect(await hatinh.locator('#signature-VKS-HTI').innerText()).toContain('Nguyễn Văn Hà');

    // Quảng Bình signs with its certificate through the API.
    await flow.signWithCertificate('VKS-QBI', campaignId, 'Trần Thị Bình');

    // Quảng Trị signed the paper copy: the administrator, as secretary, records it with the scan; the head confirms.
    const admin = await signedIn('admin');
    await admin.goto(`${t.url}/inbox/tasks/${await flow.openTask(flow.heads.get('VKS-QTR')!, campaignId, 'signing')}/sign`);
    await admin.getByLabel('Bản quét trang ký').setInputFiles({ name: 'trang-ky.pdf', mimeType: 'application/pdf', buffer: SCANNED_PAGE });
    await admin.getByLabel('Ghi chú').fill('Ký tại hội nghị ngày 13/02/2020');
    await admin.getByRole('button', { name: 'Ghi nhận chữ ký trên giấy' }).click();
    await admin.locator('#signing-flash').waitFor();
    expect(await admin.locator('#signature-VKS-QTR').innerText()).toContain('chờ đơn vị xác nhận');
    const quangtri = await signedIn('quangtri.vientruong');
    await openSigning(quangtri);
    expect(await quangtri.locator('#paper-pending').innerText()).toContain('Ký tại hội nghị ngày 13/02/2020');
    await quangtri.getByRole('button', { name: 'Xác nhận chữ ký' }).click();
    await quangtri.locator('#signing-flash').waitFor();

    // Six of six: the page says the pact is in force.
    expect(await quangtri.locator('#signing-progress').innerText()).toBe('6/6 đơn vị đã ký');
    expect(await quangtri.locator('#signing-status').innerText()).toBe('Có hiệu lực');
    expect(await quangtri.locator('#in-force').innerText()).toMatch(/^Giao ước có hiệu lực từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/);
    const taskId = /\/inbox\/tasks\/([0-9a-f-]+)\/sign/.exec(quangtri.url())![1];
    const signing = (await t.http().get(`/api/v1/tasks/${taskId}/signing`).set(pact.admin).expect(200)).body;
    expect(signing.status).toBe('in-force');
    expect(signing.signatures.map((s: { unit: { code: string }; method: string }) => `${s.unit.code}:${s.method}`).sort()).toEqual(
      ['VKS-HTI:x509', 'VKS-NAN:passkey', 'VKS-QBI:x509', 'VKS-QTR:paper', 'VKS-THA:passkey', 'VKS-TTH:passkey'],
    );
    expect((await flow.detail(campaignId)).status).toBe('completed');

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
