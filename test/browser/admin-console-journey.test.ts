import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '../../src/modules/calendar/clock';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { addSecondCluster2020, recordTexts, signedBy, unitRows, unitsCsv } from '../support/admin-journey';
import { expectNoSeriousViolations } from '../support/axe';
import { describeBrowserOnce, launchChromium, signIn } from '../support/browser';
import { clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { HttpsReceiver, ReceivedRequest, startHttpsReceiver } from '../support/https-receiver';
import { SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver';
import { DEMO_PASSWORD, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

jest.setTimeout(180_000);

const VARIANT_KEY = 'cluster-pact-legal';
const VARIANT_NAME = 'Giao ước có bước thẩm định';
const CAMPAIGN_NAME = (cluster: string) => `Giao ước thẩm định 2020 – ${cluster}`;
const OFFICER = { username: 'thanhhoa.canbo', fullName: 'Nguyễn Thị Hoa', email: 'hoa.canbo@vks-thanhhoa.example.vn' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Issue 14's "done means", as one administrator's day in the console, in a real Chromium against the real app (API and
 * worker in one process, so that webhooks, timers and mail run): a webhook endpoint; a variant of `cluster-pact` made in
 * the editor and published; a rehearsal for Cluster No. 6; the cascade launch; the overview; a migration to version 2;
 * 300 units from CSV. The outside world is the test's: an HTTPS receiver gets each launch, signed, once; an SMTP server
 * gets the officer's reminder. Every page visited passes axe (no serious or critical violation).
 */
describeBrowserOnce('the administrators’ console, end to end (headless Chromium)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let receiver: HttpsReceiver;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let endpoint: { id: string; secret: string };
  let clusters2020: string[];
  /** Campaign ids by cluster name, as the overview links to them. */
  const launched = new Map<string, string>();

  beforeAll(async () => {
    receiver = await startHttpsReceiver();
    smtp = await startSmtpReceiver();
    t = await startTestApp({
      role: 'all',
      listen: true,
      env: { WEBHOOK_CA_FILE: receiver.caFile, SMTP_URL: smtp.url, MAIL_FROM: 'Thi đua <thidua@vks.example.vn>', MAIL_POLL_MS: '200' },
    });
    pact = await clusterPactFixture(t);
    await addSecondCluster2020(t);
    clusters2020 = (await t.app.get(MikroORM).em.fork().find(Cluster, { year: 2020 }, { orderBy: { name: 'asc' } })).map((cluster) => cluster.name);
    browser = await launchChromium();
    // An English-locale browser: the pages stay Vietnamese unless the person chooses otherwise.
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1300, height: 1000 } });
    page = await context.newPage();
    base = t.url!;
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    await smtp?.close();
    await receiver?.close();
  });

  const launchesReceived = () => receiver.received.filter((request) => request.path === '/thidua/launches');
  const payload = (request: ReceivedRequest) => JSON.parse(request.body) as { id: string; event: string; campaign: { id: string; name: string; subject: { name: string } } };
  const problems = () => page.locator('#problems li').allTextContents();
  const draftBox = () => page.getByRole('textbox', { name: 'Bản nháp (JSON)' });

  it('1. registers a webhook endpoint for launches, with the admin’s own session (the page lists endpoints; registering is API only)', async () => {
    await signIn(page, base, 'admin', DEMO_PASSWORD, '/admin/webhooks');
    await page.getByText('Chưa có điểm nhận nào.').waitFor();
    await expectNoSeriousViolations(page, 'the webhooks page, empty');
    // The product has no form to register an endpoint ("Đăng ký và sửa điểm nhận qua API"): the API, called with the
    // browser's session cookie and the page's CSRF token, as a script of the page would.
    const csrfToken = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const response = await page.request.post(`${base}/api/v1/webhooks`, {
      headers: { 'X-CSRF-Token': csrfToken! },
      data: { name: 'Cổng thông tin thi đua', url: `${receiver.url}/thidua/launches`, events: ['campaign.launched'] },
    });
    expect(response.status()).toBe(201);
    endpoint = await response.json();
    await page.reload();
    const section = page.locator(`section[data-endpoint="${endpoint.id}"]`);
    await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Cổng thông tin thi đua');
    await expect(section.textContent()).resolves.toContain(`…${endpoint.secret.slice(-4)}`);
    await expect(section.textContent()).resolves.not.toContain(endpoint.secret);
    await expectNoSeriousViolations(page, 'the webhooks page with an endpoint');
  });

  it('2. copies cluster-pact in the editor, adds a review stage from the panel, sees the diagram change and the problem at its path, fixes it and publishes version 1', async () => {
    await page.goto(`${base}/admin/workflows`);
    await expectNoSeriousViolations(page, 'the workflow list');
    const row = page.locator('tr', { has: page.locator('code', { hasText: /^cluster-pact$/ }) });
    await row.getByLabel('Mã mới').fill(VARIANT_KEY);
    await row.getByLabel('Tên mới').fill(VARIANT_NAME);
    await row.getByRole('button', { name: 'Tạo bản sao' }).click();
    await page.getByRole('heading', { name: new RegExp(VARIANT_NAME) }).waitFor();
    await page.locator('#problems li', { hasText: 'Không có vấn đề' }).waitFor();
    await page.locator('#diagram svg').waitFor();
    const firstDrawing = await page.locator('#diagram').getAttribute('data-drawn');
    expect(await page.locator('#diagram svg').textContent()).not.toContain('Thẩm định pháp lý');
    await expectNoSeriousViolations(page, 'the editor of the copy');

    // A legal review between the draft and the discussion, by the deputy within three working days.
    await page.getByLabel('Mã bước (chữ thường, số, gạch ngang)').fill('legal-review');
    await page.getByLabel('Loại bước').selectOption('review');
    await page.getByLabel('Tên bước').fill('Thẩm định pháp lý');
    await page.getByLabel('Người thực hiện').selectOption('cluster-deputy');
    await page.getByLabel('Thời hạn (ngày làm việc)').fill('3');
    await page.getByLabel('Sau bước').selectOption('draft');
    await page.getByLabel('khi có kết quả').fill('submitted');
    await page.getByLabel('rồi chuyển sang bước').selectOption('discussion');
    await page.getByRole('button', { name: 'Thêm bước' }).click();

    // The diagram is drawn again with the new stage; its "returned" outcome leads nowhere, and the problem says where.
    await page.locator(`#diagram:not([data-drawn="${firstDrawing}"]) svg`).waitFor();
    expect(await page.locator('#diagram svg').textContent()).toContain('Thẩm định pháp lý');
    await page.locator('#problems li', { hasText: 'OUTCOME_WITHOUT_TARGET' }).waitFor();
    expect(await problems()).toEqual(['$.stages["legal-review"].on Kết quả "returned" chưa có bước tiếp theo (OUTCOME_WITHOUT_TARGET)']);
    expect(await page.getByRole('button', { name: 'Công bố' }).isDisabled()).toBe(true);
    await expectNoSeriousViolations(page, 'the editor with a problem');

    // Fixed in the JSON: a returned draft goes back to the head. And, while there, the head's unit is reminded two
    // working days before the draft is due (the panel sets a due date but no reminder): the officer's mail of step 8.
    const json = JSON.parse(await draftBox().inputValue());
    json.stages['legal-review'].on.returned = 'draft';
    json.stages.draft.reminders = [{ before: { workingDays: 2 } }];
    await draftBox().fill(JSON.stringify(json, null, 2));
    await page.locator('#problems li', { hasText: 'Không có vấn đề' }).waitFor();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã công bố phiên bản 1.' }).waitFor();
  });

  it('3. rehearses version 1 for Cluster No. 6 with one unit late and one voting against, and reads the simulated timeline', async () => {
    await page.goto(`${base}/admin/campaigns/new`);
    await page.getByLabel('Quy trình (phiên bản đã công bố mới nhất)').selectOption({ label: `${VARIANT_NAME} — phiên bản 1` });
    await page.getByLabel('Một cụm thi đua').check();
    await page.getByLabel('Cụm thi đua', { exact: true }).selectOption({ label: 'Cụm thi đua số 6 (2020)' });
    await page.getByLabel('Năm', { exact: true }).fill('2020');
    await page.getByLabel('Ngày bắt đầu').fill('2020-01-02');
    // One of six units late (17 % of six, rounded), Quảng Trị against the adoption.
    await page.getByLabel('Tỷ lệ đơn vị trễ hạn (%)').fill('17');
    await page.getByLabel('Đơn vị biểu quyết không đồng ý').selectOption({ label: 'Viện kiểm sát nhân dân tỉnh Quảng Trị' });
    await page.getByRole('button', { name: 'Diễn tập' }).click();

    const report = page.getByRole('region', { name: 'Kết quả diễn tập: Cụm thi đua số 6' });
    await report.waitFor();
    await expect(page.locator('#rehearsal-summary').textContent()).resolves.toContain('Trạng thái cuối: đã hoàn thành');
    const lateLine = await report.getByText(/^Đơn vị trễ hạn theo kịch bản: /).textContent();
    const lateUnit = lateLine!.replace('Đơn vị trễ hạn theo kịch bản: ', '').replace(/\.$/, '');
    expect(lateUnit).toMatch(/^Viện kiểm sát nhân dân tỉnh [^,]+$/);
    // Every missed deadline is the late unit's, by name.
    const missed = await page.locator('#rehearsal-missed tbody tr td:first-child').allTextContents();
    expect(missed.length).toBeGreaterThan(0);
    expect(new Set(missed)).toEqual(new Set([lateUnit]));
    // The new stage ran (the deputy approved), and the adoption passed with Quảng Trị against.
    const stages = await page.locator('#rehearsal-stages tbody tr').evaluateAll((rows) => rows.map((row) => (row as unknown as { innerText: string }).innerText));
    expect(stages.some((line) => line.startsWith('Thẩm định pháp lý'))).toBe(true);
    expect(stages.find((line) => line.startsWith('Biểu quyết thông qua giao ước'))).toMatch(/\tThông qua$/);
    const timeline = await page.locator('#rehearsal-timeline tbody tr td:last-child').allTextContents();
    expect(timeline).toContain('Viện kiểm sát nhân dân tỉnh Quảng Trị: biểu quyết không đồng ý (bước “Biểu quyết thông qua giao ước”)');
    expect(timeline.filter((line) => line.includes(': biểu quyết đồng ý (bước “Biểu quyết thông qua giao ước”)'))).not.toContainEqual(expect.stringContaining('Quảng Trị'));
    await expectNoSeriousViolations(page, 'the launch wizard with a rehearsal report');
    expect(launchesReceived()).toEqual([]);
  });

  it('4. launches version 1 for every cluster of 2020 from the wizard, after its preview', async () => {
    await page.goto(`${base}/admin/campaigns/new`);
    await page.getByLabel('Quy trình (phiên bản đã công bố mới nhất)').selectOption({ label: `${VARIANT_NAME} — phiên bản 1` });
    await page.getByLabel(/^Mọi cụm thi đua của năm/).check();
    await page.getByLabel('Năm', { exact: true }).fill('2020');
    await page.getByLabel('Ngày bắt đầu').fill('2020-02-13');
    await page.getByLabel(/^Tên đợt/).fill('Giao ước thẩm định {year} – {subject}');
    await page.getByRole('button', { name: 'Xem trước' }).click();

    const subjects = page.locator('.launch-subjects > li');
    await subjects.first().waitFor();
    expect(await subjects.locator('> strong').allTextContents()).toEqual(clusters2020);
    expect(await subjects.evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { outcome: string } }).dataset.outcome))).toEqual(clusters2020.map(() => 'ready'));
    await expectNoSeriousViolations(page, 'the launch preview');

    await page.getByRole('button', { name: `Phát động (${clusters2020.length})` }).click();
    await page.waitForURL(`${base}/campaigns?flash=launched&count=${clusters2020.length}`);
    await expect(page.getByRole('status').textContent()).resolves.toBe(`Đã phát động ${clusters2020.length} đợt thi đua.`);
    await expectNoSeriousViolations(page, 'the campaigns after the launch');
  });

  it('5. watches the overview of 2020: each cluster’s campaign at its first stage', async () => {
    await page.getByRole('link', { name: 'Tổng quan', exact: true }).first().click();
    await page.waitForURL(/\/admin\/overview/);
    // To 2020 through the year picker (the page opens on the current year).
    await page.getByLabel('Năm', { exact: true }).selectOption('2020');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.waitForURL(`${base}/admin/overview?year=2020`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tổng quan thi đua năm 2020');
    expect(await page.locator('#overview-summary').innerText()).toMatch(new RegExp(`^${clusters2020.length} đợt thi đua \\(${clusters2020.length} đang diễn ra, 0 đã hoàn thành, 0 đã hủy\\)`));
    for (const cluster of clusters2020) {
      const group = page.getByRole('region', { name: `Cụm: ${cluster}` });
      const link = group.getByRole('link', { name: CAMPAIGN_NAME(cluster) });
      launched.set(cluster, (await link.getAttribute('href'))!.replace('/campaigns/', ''));
      const row = group.getByRole('row', { name: new RegExp(CAMPAIGN_NAME(cluster)) });
      await expect(row.innerText()).resolves.toMatch(/Cụm trưởng soạn dự thảo giao ước: 0\/1 xong/);
    }
    await expectNoSeriousViolations(page, 'the overview');
  });

  it('6. publishes version 2 in the editor, compares it, and moves Cluster No. 6’s running campaign to it', async () => {
    await page.goto(`${base}/admin/workflows`);
    const row = page.locator('tr', { has: page.locator('code', { hasText: new RegExp(`^${VARIANT_KEY}$`) }) });
    await row.getByRole('link', { name: 'Sửa bản nháp' }).click();
    await page.locator('#problems li', { hasText: 'Không có vấn đề' }).waitFor();
    const json = JSON.parse(await draftBox().inputValue());
    expect(json.stages['legal-review']).toMatchObject({ type: 'review', due: { workingDays: 3 } });
    json.stages['legal-review'].due = { workingDays: 5 };
    // Publish only once the edit has been checked (the diagram drawn again): before that, the page's script would
    // publish the draft as it was at the previous check.
    const drawn = await page.locator('#diagram').getAttribute('data-drawn');
    await draftBox().fill(JSON.stringify(json, null, 2));
    await page.locator(`#diagram:not([data-drawn="${drawn}"]) svg`).waitFor();
    await page.locator('#problems li', { hasText: 'Không có vấn đề' }).waitFor();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã công bố phiên bản 2.' }).waitFor();

    await page.goto(`${base}/admin/workflows`);
    await row.getByRole('link', { name: 'so sánh với phiên bản trước' }).click();
    await page.getByRole('heading', { level: 1, name: `${VARIANT_NAME}: so sánh phiên bản 1 và 2` }).waitFor();
    const changed = page.getByRole('region', { name: 'legal-review' });
    await expect(changed.getByRole('row', { name: /^due/ }).innerText()).resolves.toMatch(/"workingDays":3.*"workingDays":5/s);
    await expectNoSeriousViolations(page, 'the version comparison');

    // The running campaign of Cluster No. 6, from the overview, moved to version 2.
    const campaignId = launched.get('Cụm thi đua số 6')!;
    await page.goto(`${base}/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: 'Chuyển sang phiên bản mới của quy trình' }).waitFor();
    await page.getByLabel('Phiên bản', { exact: true }).selectOption({ label: 'phiên bản 2' });
    await page.getByRole('button', { name: 'Chuyển phiên bản' }).click();
    await page.getByRole('status').filter({ hasText: 'Đợt thi đua đã chuyển sang phiên bản mới.' }).waitFor();
    await expect(page.locator('dl.facts').innerText()).resolves.toContain(`${VARIANT_KEY}, phiên bản 2`);
    // Nothing newer to move to now.
    expect(await page.getByRole('heading', { name: 'Chuyển sang phiên bản mới của quy trình' }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'the migrated campaign');
    await page.getByRole('link', { name: /^Xem toàn bộ lịch sử/ }).click();
    const last = page.locator('table tbody tr').last();
    await expect(last.innerText()).resolves.toContain('Chuyển sang phiên bản mới của quy trình');
    await expect(last.innerText()).resolves.toContain('Quản trị hệ thống');
    await expect(page.locator('#chain-verdict').getAttribute('class')).resolves.toBe('verdict-ok');
    await expectNoSeriousViolations(page, 'the campaign history');

    // The other cluster's campaign stays on version 1.
    const other = clusters2020.find((name) => name !== 'Cụm thi đua số 6')!;
    await page.goto(`${base}/campaigns/${launched.get(other)}`);
    await expect(page.locator('dl.facts').innerText()).resolves.toContain(`${VARIANT_KEY}, phiên bản 1`);
  });

  it('7. imports 300 units from CSV: the preview flags the bad rows, the fixed file imports with its progress to the end', async () => {
    const rows = unitRows(300);
    const bad = rows.map((row) => [...row]);
    bad[6][1] = ''; // line 8: no name
    bad[41][0] = 'vks-nhap-042'; // line 43: a lowercase code
    bad[149][0] = bad[148][0]; // line 151: the code of line 150 again
    bad[232][3] = 'VKS-KHONG-CO'; // line 234: a parent nowhere
    const previewFile = async (name: string, file: Buffer) => {
      await page.getByLabel('Tệp CSV').setInputFiles({ name, mimeType: 'text/csv', buffer: file });
      await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
      await page.waitForURL(/\/admin\/org\/imports\/[0-9a-f-]{36}$/);
    };

    await page.goto(`${base}/admin/org/imports`);
    await expectNoSeriousViolations(page, 'the import form');
    await previewFile('don-vi-khu-vuc.csv', unitsCsv(bad));
    expect(await page.locator('#import-summary').innerText()).toContain('300 dòng dữ liệu, 4 dòng có lỗi.');
    expect(await page.getByRole('navigation', { name: 'Các dòng có lỗi' }).getByRole('link').allTextContents()).toEqual(['Dòng 8', 'Dòng 43', 'Dòng 151', 'Dòng 234']);
    const problemOf = (line: number) => page.locator(`#line-${line} td`).last().innerText();
    await expect(problemOf(8)).resolves.toBe('name: Thiếu giá trị bắt buộc.');
    await expect(problemOf(43)).resolves.toMatch(/^code: Mã đơn vị "vks-nhap-042" không hợp lệ/);
    await expect(problemOf(151)).resolves.toMatch(/^code: .*VKS-NHAP-149.* đã có ở dòng 150\.$/);
    await expect(problemOf(234)).resolves.toMatch(/^parentCode: Không tìm thấy đơn vị cấp trên VKS-KHONG-CO/);
    await expect(problemOf(9)).resolves.toBe('Hợp lệ');
    expect(await page.getByRole('button', { name: /^Nhập/ }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'the import preview with problems');

    await page.getByRole('link', { name: 'Chọn tệp khác' }).click();
    await previewFile('don-vi-khu-vuc-da-sua.csv', unitsCsv(rows));
    expect(await page.locator('#import-summary').innerText()).toContain('Không có lỗi: có thể nhập cả 300 dòng.');
    await expectNoSeriousViolations(page, 'the clean import preview');

    const progress = await recordTexts(page, '#import-progress-text');
    await page.getByRole('button', { name: 'Nhập 300 đơn vị' }).click();
    await page.waitForURL(/\/admin\/org\/imports\/[0-9a-f-]{36}\?flash=imported$/);
    expect(progress).toContain('Đang ghi vào cơ sở dữ liệu: 300/300');
    expect(progress.at(-1)).toBe('Xong; đang mở kết quả…');
    expect(await page.locator('#import-created').innerText()).toBe('Đã tạo 300 đơn vị từ tệp này.');
    await expectNoSeriousViolations(page, 'the import result');

    // Listed in the unit tree (the tree has no search box): all 300, the ninth under the first.
    await page.getByRole('link', { name: 'Xem cây đơn vị' }).click();
    await page.waitForURL(/\/admin\/org\/units$/);
    expect(await page.locator('[data-unit^="VKS-NHAP-"]').count()).toBe(300);
    expect(await page.locator('[data-unit="VKS-NHAP-001"] [data-unit="VKS-NHAP-009"]').count()).toBe(1);
    await expectNoSeriousViolations(page, 'the unit tree with 300 more units');
  });

  it('8. the officer receives the draft’s reminder by e-mail through the SMTP server, naming the campaign', async () => {
    // The administrator records the officer's address on her person record.
    await page.goto(`${base}/admin/org/people`);
    await page.getByLabel('Tìm theo họ tên, tên đăng nhập hoặc thư điện tử').fill(OFFICER.username);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: OFFICER.fullName }).click();
    await page.getByLabel('Thư điện tử', { exact: true }).fill(OFFICER.email);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thay đổi.' }).waitFor();
    await expectNoSeriousViolations(page, 'a person with an address');

    // Time passes to half a day before the draft is due (after its reminder); BullMQ delays in real time, so the
    // reminder job the outbox scheduled at the launch is then run now, as the timers worker would at that time.
    const campaignId = launched.get('Cụm thi đua số 6')!;
    const detail = (await t.http().get(`/api/v1/campaigns/${campaignId}`).set(pact.admin).expect(200)).body as { stages: Array<{ id: string; stageKey: string; dueAt: string }> };
    const draft = detail.stages.find((stage) => stage.stageKey === 'draft')!;
    t.app.get(Clock).set(new Date(Date.parse(draft.dueAt) - 12 * 3600_000));
    const timers = new Queue(QUEUES.workflowTimers, { prefix: t.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
    try {
      const reminder = await waitFor(async () => (await timers.getJob(`reminder-${draft.id}-0`)) ?? undefined, 'the reminder job relayed by the outbox');
      await reminder.promote();
    } finally {
      await timers.close();
    }

    const mail = await waitFor(async () => smtp.received.find((message) => message.to.includes(OFFICER.email)), 'the reminder mail to the officer', 30_000);
    const name = CAMPAIGN_NAME('Cụm thi đua số 6');
    expect(mail.from).toBe('thidua@vks.example.vn');
    expect(mail.subject).toBe(`[Thi đua] Nhắc việc: ${name}`);
    expect(mail.text).toContain(`Nhắc việc: "Cụm trưởng soạn dự thảo giao ước" (${name}) sắp đến hạn.`);
    expect(mail.text).toMatch(/Đơn vị: .*Thanh Hóa/);
    expect(mail.text).not.toMatch(UUID);
    // Only her: nobody else of the Thanh Hóa procuracy has an address, and the other cluster's reminder is not due.
    expect(smtp.received.map((message) => message.to)).toEqual([[OFFICER.email]]);
  });

  it('9. the webhook receiver got each launch, signed with the endpoint’s secret, exactly once', async () => {
    // The page's delivery log: one delivery per launch, each delivered.
    await page.goto(`${base}/admin/webhooks`);
    const log = page.locator(`section[data-endpoint="${endpoint.id}"] tbody tr`);
    await waitFor(async () => {
      await page.reload();
      const statuses = await log.locator('td:nth-child(4) strong').allTextContents();
      return statuses.length === clusters2020.length && statuses.every((status) => status === 'Đã gửi') ? true : undefined;
    }, 'every launch logged as delivered');
    await expectNoSeriousViolations(page, 'the webhooks page with its delivery log');

    const received = launchesReceived();
    expect(received).toHaveLength(clusters2020.length);
    for (const request of received) {
      expect(signedBy(endpoint.secret, request)).toBe(true);
      expect(signedBy(`${endpoint.secret}x`, request)).toBe(false);
      expect(request.headers['x-thidua-event']).toBe('campaign.launched');
      expect(request.headers['x-thidua-delivery']).toBe(payload(request).id);
    }
    expect(new Set(received.map((request) => payload(request).id)).size).toBe(clusters2020.length);
    const byCluster = new Map(received.map((request) => [payload(request).campaign.subject.name, payload(request).campaign]));
    expect([...byCluster.keys()].sort()).toEqual([...clusters2020].sort());
    for (const cluster of clusters2020) expect(byCluster.get(cluster)).toMatchObject({ id: launched.get(cluster), name: CAMPAIGN_NAME(cluster) });
  });
});
