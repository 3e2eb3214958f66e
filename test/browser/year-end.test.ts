import { Browser, BrowserContext, Page } from 'playwright-core';
import { fieldKeyOf } from '../../src/modules/scoring/table/table-text';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { pdfText } from '../support/pdf-text';
import { sheetsOfStage, SheetTask } from '../support/scoring';
import { CLUSTER_6_UNIT_NAMES } from '../support/signing-flow';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import {
  acclaimThanhHoa,
  attachEvidence,
  DECISION,
  EVIDENCE_CRITERIA,
  EVIDENCE_PDF,
  launchClusterYearEnd,
  proposeToCouncil,
  RECUSAL_REASON,
  recordDecision,
  selfSheet,
  submitCrossScores,
  submitSelfScores,
  submitYearEndReports,
  yearEndPeople,
  YearEndPeople,
} from '../support/year-end';

jest.setTimeout(240_000);

const CAMPAIGN = 'Tổng kết, chấm điểm năm 2020 — Cụm thi đua số 6';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The criteria Hà Tĩnh's officer types on the page; the draft saved through the API holds the other 38. */
const TYPED = ['I.1.c', 'I.2.c', 'I.4.b'];
/** The evidence Hà Tĩnh's officer uploads on the page; the other criteria needing evidence got theirs through the API. */
const UPLOADED = 'I.3.b';
const name = (code: string) => CLUSTER_6_UNIT_NAMES[code];

describeBrowser('year-end evaluation pages: Cluster No. 6 scores, ranks and is commended for 2020 (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let pact: ClusterPactFixture;
  let people: YearEndPeople;
  let campaignId: string;
  let hatinhSheet: SheetTask;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    pact = await clusterPactFixture(t);
    people = await yearEndPeople(t, pact);
    // Launched directly (the schedule's launch is the e2e test's), on the schedule's run day; the reports through the API.
    campaignId = await launchClusterYearEnd(t, pact, CAMPAIGN);
    await submitYearEndReports(t, people, campaignId);
    // Five self-scores through the API; Hà Tĩnh's is filled on the page.
    expect(await submitSelfScores(t, people, campaignId, (sheet) => sheet.scorerCode === 'VKS-HTI')).toBe(5);
    hatinhSheet = (await sheetsOfStage(t, people.admin, campaignId, 'self-score')).find((sheet) => sheet.scorerCode === 'VKS-HTI')!;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  /** A signed-in tab; `locale` is the browser's language, `languageCookie` the person's choice made earlier on the site. */
  const signedIn = async (username: string, options: { locale?: string; languageCookie?: 'vi' | 'en' } = {}): Promise<Page> => {
    const context = await browser.newContext({ locale: options.locale ?? 'vi-VN', viewport: { width: 1280, height: 1000 } });
    contexts.push(context);
    if (options.languageCookie) await context.addCookies([{ name: 'lang', value: options.languageCookie, url: t.url! }]);
    const page = await context.newPage();
    page.on('console', (message) => {
      // The server's 422 refusal is part of this story; Chromium logs every 4xx response as an error.
      if (message.type() === 'error' && !/status of 422/.test(message.text())) consoleErrors.push(`${username}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(t.url!) && !/^(data|blob|about):/.test(request.url())) foreignRequests.push(request.url());
    });
    await signIn(page, t.url!, username, DEMO_PASSWORD, '/inbox');
    return page;
  };

  /** Waits until Chart.js (global `Chart`, from this server) has drawn the ranking's canvas; answers its labels and values. */
  const drawnChart = async (page: Page): Promise<{ labels: string[]; values: number[] }> => {
    const canvas = await page.locator('#ranking-chart').elementHandle();
    const drawn = await page.waitForFunction((element) => {
      type Drawn = { data: { labels: string[]; datasets: Array<{ data: number[] }> } };
      const chartJs = (globalThis as unknown as { Chart?: { getChart(item: unknown): Drawn | undefined } }).Chart;
      const found = chartJs?.getChart(element);
      return found ? { labels: found.data.labels, values: found.data.datasets[0].data } : undefined;
    }, canvas);
    return (await drawn.jsonValue()) as { labels: string[]; values: number[] };
  };

  /** The input of a criterion's field in the rendered sheet form. */
  const criterionInput = (page: Page, code: string) => page.locator(`.formio-component-${fieldKeyOf(code)} input.form-control`).first();

  it('Hà Tĩnh self-scores on the page: a few points typed, evidence uploaded, 9 of 5 refused on its field, fixed and submitted', async () => {
    const officer = people.officers.get('VKS-HTI')!;
    // The sheet has 41 criteria: typing them all would test the keyboard, not the product. The officer saved a draft
    // earlier (through the API here) without the three typed below, and attached the evidence of all but one criterion.
    const draft = selfSheet();
    for (const code of TYPED) delete draft[fieldKeyOf(code)];
    await t.http().put(`/api/v1/tasks/${hatinhSheet.taskId}/score-sheet/draft`).set(officer).send({ data: draft }).expect(200);
    await attachEvidence(t, officer, hatinhSheet.taskId, EVIDENCE_CRITERIA.filter((code) => code !== UPLOADED));

    const page = await signedIn('hatinh.canbo');
    await page.getByRole('article').filter({ hasText: CAMPAIGN }).getByRole('link', { name: 'Mở phiếu chấm điểm' }).click();
    await page.waitForURL(`${t.url}/inbox/tasks/${hatinhSheet.taskId}/score`);
    await page.locator('body[data-form-ready="true"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Phiếu chấm điểm: ${name('VKS-HTI')}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('#sheet-status').innerText()).toBe('Chưa nộp');
    // The draft is on the page (I.2.f: 2 of 2 points); the fields to type are empty.
    expect(await criterionInput(page, 'I.2.f').inputValue()).toBe('2');
    expect(await criterionInput(page, 'I.1.c').inputValue()).toBe('');

    await criterionInput(page, 'I.1.c').fill('2');
    await criterionInput(page, 'I.2.c').fill('3');
    await criterionInput(page, 'I.4.b').fill('9');

    // Evidence for I.3.b through the page's file input.
    await page.getByLabel(`Chọn tệp cho tiêu chí ${UPLOADED}`).setInputFiles({ name: `minh-chung-${UPLOADED}.pdf`, mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    await page.locator(`tr[data-criterion="${UPLOADED}"]`).getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('#form-status.is-done', { hasText: `Đã tải lên minh-chung-${UPLOADED}.pdf.` }).waitFor();
    expect(await page.locator(`tr[data-criterion="${UPLOADED}"] .evidence-files`).innerText()).toBe(`minh-chung-${UPLOADED}.pdf`);

    // 9 on a 5-point criterion: the server refuses, and its message sits on that field.
    const [refusal] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/api/v1/tasks/${hatinhSheet.taskId}/score-sheet`)),
      page.getByRole('button', { name: 'Nộp phiếu' }).click(),
    ]);
    expect(refusal.status()).toBe(422);
    const body = await refusal.json();
    expect(body.code).toBe('SCORE_SHEET_INVALID');
    expect(body.details.map((problem: { path: string; code: string }) => `${problem.path} ${problem.code}`)).toEqual([`${fieldKeyOf('I.4.b')} SCORE_ABOVE_STANDARD`]);
    const message: string = body.details[0].message;
    expect(message).toMatch(/^Tiêu chí I\.4\.b ".+": 9 điểm vượt quá mức tối đa 5 điểm\.$/);
    await page.locator('#form-status.is-error').waitFor();
    expect(await page.locator('#form-status').innerText()).toContain('Phiếu có 1 lỗi, hãy sửa các ô được đánh dấu.');
    await page.locator(`.formio-component-${fieldKeyOf('I.4.b')} .formio-errors`, { hasText: message }).waitFor();
    expect(await page.locator(`.formio-component-${fieldKeyOf('I.1.c')} .formio-errors`).innerText()).toBe('');
    expect((await t.http().get(`/api/v1/tasks/${hatinhSheet.taskId}/score-sheet`).set(officer).expect(200)).body.status).toBe('draft');

    await criterionInput(page, 'I.4.b').fill('5');
    await page.getByRole('button', { name: 'Nộp phiếu' }).click();
    await page.locator('#sheet-status', { hasText: 'Đã nộp' }).waitFor();
    expect(await page.locator('#form-status').innerText()).toMatch(/^Đã nộp phiếu lúc .+\. Tổng điểm: 100,00\.$/);
    expect(await page.locator(`.formio-component-${fieldKeyOf('I.4.b')} .formio-errors`).innerText()).toBe('');
    const stored = (await t.http().get(`/api/v1/tasks/${hatinhSheet.taskId}/score-sheet`).set(officer).expect(200)).body;
    expect(stored).toMatchObject({ status: 'submitted', data: { [fieldKeyOf('I.1.c')]: 2, [fieldKeyOf('I.2.c')]: 3, [fieldKeyOf('I.4.b')]: 5 } });
    expect(stored.evidence.find((item: { criterion: string }) => item.criterion === UPLOADED).files.map((file: { name: string }) => file.name)).toEqual([`minh-chung-${UPLOADED}.pdf`]);
  });

  it('Quảng Trị recuses from scoring Huế on the page, with its reason; the other 29 cross-scores come through the API', async () => {
    const sheets = await sheetsOfStage(t, people.admin, campaignId, 'cross-score');
    expect(sheets).toHaveLength(30);
    const recused = sheets.find((sheet) => sheet.scorerCode === 'VKS-QTR' && sheet.scoredCode === 'VKS-TTH')!;

    const page = await signedIn('quangtri.canbo');
    await page.goto(`${t.url}/inbox/tasks/${recused.taskId}/score`);
    await page.locator('body[data-form-ready="true"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Phiếu chấm điểm: ${name('VKS-TTH')}`);
    await page.getByLabel('Lý do').fill(RECUSAL_REASON);
    await page.getByRole('button', { name: 'Xin không chấm' }).click();
    await page.locator('#form-status.is-done', { hasText: 'Đã ghi nhận việc xin không chấm.' }).waitFor();
    expect(await page.locator('#sheet-status').innerText()).toBe('Xin không chấm');
    expect(await page.locator('#recusal').isHidden()).toBe(true);

    expect(await submitCrossScores(t, people, campaignId)).toBe(29);
  });

  it('the cluster head reads the scoring matrix, the ranking with its chart, tie-break and workbook, and a unit’s breakdown', async () => {
    const page = await signedIn('thanhhoa.vientruong');
    await page.goto(`${t.url}/campaigns/${campaignId}/score-sheets`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Ma trận chấm điểm: ${CAMPAIGN}`);
    const crossScores = page.locator('section', { has: page.locator('#stage-cross-score') });
    expect(await crossScores.innerText()).toContain('29/30 phiếu đã nộp, 1 xin không chấm');
    const recusedRow = crossScores.locator('tr.status-recused');
    expect(await recusedRow.count()).toBe(1);
    const recusedText = await recusedRow.innerText();
    for (const expected of [name('VKS-QTR'), name('VKS-TTH'), 'Xin không chấm', RECUSAL_REASON]) expect(recusedText).toContain(expected);

    // From the campaign page to the ranking.
    await page.goto(`${t.url}/campaigns/${campaignId}`);
    await page.locator('#campaign-ranking').click();
    await page.waitForURL(`${t.url}/campaigns/${campaignId}/ranking`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Kết quả xếp hạng: ${CAMPAIGN}`);
    const rows = page.locator('table.ranking tbody tr');
    const order = ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QTR', 'VKS-QBI', 'VKS-TTH'];
    expect(await rows.count()).toBe(6);
    for (const [index, code] of order.entries()) {
      const cells = rows.nth(index).locator('td');
      expect(await cells.nth(0).innerText()).toBe(String(index + 1));
      expect(await cells.nth(1).getByRole('link').innerText()).toBe(name(code));
    }
    expect(await rows.nth(0).locator('td').nth(4).innerText()).toBe('100,00');
    // Level on 97, Quảng Trị is above Quảng Bình by group I, and the page says why (the units by their short names).
    expect(await page.locator('.tie-lines').innerText()).toBe('VKSND Quảng Trị xếp trên VKSND Quảng Bình: bằng tổng điểm 97,00; nhóm I 70,00 > 67,00');

    // The bar chart: Chart.js (from this server) has drawn the six totals.
    const chart = await drawnChart(page);
    expect(chart).toEqual({ labels: order.map(name), values: [100, 99, 98, 97, 97, 95] });
    expect(await page.locator('#ranking-chart').evaluate((canvas) => (canvas as unknown as { width: number }).width > 0 && (canvas as unknown as { height: number }).height > 0)).toBe(true);

    // The workbook link answers the XLSX.
    const workbookHref = await page.getByRole('link', { name: 'Tải bảng điểm (XLSX)' }).getAttribute('href');
    const workbook = await page.request.get(`${t.url}${workbookHref}`);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toContain(XLSX_TYPE);
    expect((await workbook.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    // Huế's breakdown opens from the table: the recused sheet and its reason.
    await page.getByRole('link', { name: name('VKS-TTH'), exact: true }).click();
    await page.waitForURL(/\/ranking\/units\/[0-9a-f-]+$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Chi tiết điểm: ${name('VKS-TTH')}`);
    expect(await page.locator('main').innerText()).toContain(RECUSAL_REASON);
  });

  it('after the vote, proposal, council vote and decision: the campaign page links the minutes, and the register lists the flag', async () => {
    await acclaimThanhHoa(t, people, campaignId);
    await proposeToCouncil(t, people, campaignId);
    await recordDecision(t, people, campaignId);

    const page = await signedIn('thanhhoa.vientruong');
    await page.goto(`${t.url}/campaigns/${campaignId}`);
    const minutesHref = await page.locator('#campaign-minutes').getAttribute('href');
    expect(minutesHref).toBe(`/api/v1/campaigns/${campaignId}/minutes.pdf`);
    const minutes = await page.request.get(`${t.url}${minutesHref}`);
    expect(minutes.status()).toBe(200);
    expect(minutes.headers()['content-type']).toContain('application/pdf');
    expect((await minutes.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.goto(`${t.url}/commendations`);
    // The demo staff's own awards share the register; this campaign's award to the unit is one row.
    const row = page.locator('tbody tr', { hasText: name('VKS-THA') }).filter({ hasText: CAMPAIGN });
    expect(await row.count()).toBe(1);
    const rowText = await row.innerText();
    for (const expected of ['Cờ thi đua', `Số ${DECISION.number} ngày 28/12/2020`, DECISION.issuer, CAMPAIGN]) expect(rowText).toContain(expected);
    // The row's certificate downloads, naming the unit and the flag.
    const certificateHref = (await row.locator('a.certificate').getAttribute('href'))!;
    const certificate = await page.request.get(`${t.url}${certificateHref}`);
    expect(certificate.status()).toBe(200);
    expect(pdfText(await certificate.body())).toEqual(expect.arrayContaining(['CỜ THI ĐUA CỦA VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO', name('VKS-THA')]));
  });

  it('shows the ranking in the language the person chose, not the browser’s: Vietnamese by cookie in an English browser, then English', async () => {
    const page = await signedIn('thanhhoa.vientruong', { locale: 'en-US', languageCookie: 'vi' });
    await page.goto(`${t.url}/campaigns/${campaignId}/ranking`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Kết quả xếp hạng: ${CAMPAIGN}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    await page.context().addCookies([{ name: 'lang', value: 'en', url: t.url! }]);
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Ranking: ${CAMPAIGN}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.tie-lines').innerText()).toBe('VKSND Quảng Trị ranks above VKSND Quảng Bình: equal total 97.00; group I 70.00 > 67.00');
    expect(await page.getByRole('link', { name: 'Download the workbook (XLSX)' }).count()).toBe(1);
    expect((await drawnChart(page)).labels).toEqual(['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QTR', 'VKS-QBI', 'VKS-TTH'].map(name));
  });

  it('sent no request to another site and logged no script error', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
