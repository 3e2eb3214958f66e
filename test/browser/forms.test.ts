import { MikroORM } from '@mikro-orm/core';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { clusterPactFixture } from '../support/cluster-pact';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(150_000);

const FORM = 'pact/title-registration';
const NEW_LABEL = 'Tên đầy đủ của đơn vị đăng ký';

describeBrowser('form builder and form filling (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Console errors and requests to any other site, from every page: both must stay empty. */
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  let admin: { Authorization: string };
  let workflowVersionId: string;
  let clusterId: string;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    await syncBuiltinForms(new FormsService(t.app.get(MikroORM).em.fork()));
    browser = await launchChromium();
    admin = await bearerFor(t, 'admin');
    clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    const document = {
      name: { vi: 'Đăng ký danh hiệu thi đua' },
      subject: 'cluster',
      start: 'register',
      stages: {
        register: { type: 'form', name: { vi: 'Các đơn vị đăng ký danh hiệu' }, fanOut: 'each-member', settings: { form: FORM }, on: { submitted: 'done' } },
        done: { type: 'end' },
      },
    };
    const created = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'title-registration-browser', name: 'Đăng ký danh hiệu', document }).expect(201);
    workflowVersionId = (await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(admin).expect(201)).body.version.id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  const launch = async (name: string): Promise<string> =>
    (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId, name, year: 2020, clusterId }).expect(201)).body.id;

  /** The Hà Tĩnh task of a campaign, with the form the API gives its officer. */
  const hatinhTask = async (campaignId: string) => {
    const officer = await bearerFor(t, 'hatinh.canbo');
    const tasks = [
      ...(await t.http().get('/api/v1/inbox?status=open').set(officer).expect(200)).body.tasks,
      ...(await t.http().get('/api/v1/inbox?status=done').set(officer).expect(200)).body.tasks,
    ];
    const task = tasks.find((candidate: { campaignId: string }) => candidate.campaignId === campaignId);
    const form = (await t.http().get(`/api/v1/tasks/${task.id}/form`).set(officer).expect(200)).body;
    return { id: task.id as string, form };
  };

  const signedIn = async (username: string, path: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      // The API's 422 answers are expected in this story; Chromium logs every 4xx response as an error.
      if (message.type() === 'error' && !/status of 422/.test(message.text())) consoleErrors.push(`${username}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(t.url!) && !/^(data|blob|about):/.test(request.url())) foreignRequests.push(request.url());
    });
    await signIn(page, t.url!, username, DEMO_PASSWORD, path);
    return page;
  };

  it('an administrator publishes a changed built-in form; a new campaign uses it, a running one keeps its version; Hà Tĩnh fixes a server error and submits', async () => {
    const base = t.url!;
    const running = await launch('Đăng ký danh hiệu 2020 – đợt đang chạy');
    expect((await hatinhTask(running)).form.formVersionNumber).toBe(1);

    // The administrator: Forms → the title registration → the builder, offline, in Vietnamese.
    const builder = await signedIn('admin', '/');
    await builder.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thiết kế biểu mẫu' }).click();
    await builder.waitForURL(`${base}/admin/forms`);
    await builder.getByRole('link', { name: 'Đăng ký danh hiệu thi đua' }).click();
    await builder.locator('body[data-builder-ready="true"]').waitFor();
    expect(await builder.locator('.builder-sidebar').innerText()).toContain('Cơ bản');

    // Edit the unit name's label in the component's settings dialog.
    const unitName = builder.locator('.builder-component:has(> .formio-component-unitName)');
    await unitName.hover();
    await unitName.locator('[ref="editComponent"]').first().click();
    const dialog = builder.locator('.formio-dialog');
    // Every tab of the settings dialog, whose code editors (ace) Form.io would fetch from its CDN: all from this server.
    const tabs = dialog.locator('.nav-link');
    for (let index = (await tabs.count()) - 1; index >= 0; index--) await tabs.nth(index).click();
    expect(await builder.evaluate(() => typeof (globalThis as { ace?: unknown }).ace)).toBe('object');
    await dialog.locator('input[name="data[label]"]').fill(NEW_LABEL);
    await dialog.locator('[ref="saveButton"]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await builder.locator('#builder .formio-component-unitName label').first().innerText()).toContain(NEW_LABEL);

    // Preview renders the schema being edited; publishing makes version 2.
    await builder.getByRole('button', { name: 'Xem trước' }).click();
    await builder.locator('#preview-form .formio-component-unitName').waitFor();
    expect(await builder.locator('#preview-form .formio-component-unitName label').innerText()).toContain(NEW_LABEL);
    await builder.getByRole('button', { name: 'Phát hành' }).click();
    await builder.locator('#form-status', { hasText: 'Đã phát hành phiên bản 2.' }).waitFor();
    await builder.waitForLoadState('load');
    await builder.locator('#versions tbody tr').nth(1).waitFor();
    expect(await builder.locator('#versions tbody tr').count()).toBe(2);
    expect(await builder.locator('#versions tbody tr').first().innerText()).toContain('Quản trị hệ thống');

    // The diff of version 2 against version 1 names the component and the property.
    await builder.getByRole('link', { name: 'So với phiên bản 1' }).click();
    await builder.waitForURL(/\/admin\/forms\/[0-9a-f-]+\/diff\?/);
    expect(await builder.getByRole('heading', { level: 1 }).innerText()).toBe('So sánh phiên bản 1 và 2: Đăng ký danh hiệu thi đua');
    const changed = builder.locator("#diff-changed tbody tr");
    expect(await changed.count()).toBe(1);
    expect(await changed.innerText()).toMatch(/^unitName\s.*\blabel\b/);

    // A new campaign pins version 2; the running one keeps version 1.
    const current = await launch('Đăng ký danh hiệu 2020 – đợt mới');
    expect((await hatinhTask(current)).form.formVersionNumber).toBe(2);
    expect((await hatinhTask(running)).form.formVersionNumber).toBe(1);

    // The officer of Hà Tĩnh opens the new campaign's form from the inbox.
    const officer = await signedIn('hatinh.canbo', '/inbox');
    const article = officer.getByRole('article').filter({ hasText: 'Đăng ký danh hiệu 2020 – đợt mới' });
    await article.getByRole('link', { name: 'Mở biểu mẫu' }).click();
    await officer.locator('body[data-form-ready="true"]').waitFor();
    expect(await officer.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng ký danh hiệu thi đua — Viện kiểm sát nhân dân tỉnh Hà Tĩnh');
    await officer.getByLabel(NEW_LABEL).fill('Viện kiểm sát nhân dân tỉnh Hà Tĩnh');
    await officer.getByLabel('Năm đăng ký').fill('2020');
    await officer.getByLabel('Cờ thi đua ngành Kiểm sát nhân dân').check();
    await officer.getByLabel('Tổng số cán bộ').fill('40');
    await officer.getByLabel('Số cán bộ đăng ký Lao động tiên tiến').fill('30');
    await officer.getByLabel('Số cán bộ đăng ký Chiến sĩ thi đua cơ sở').fill('5');
    await officer.getByLabel('Họ và tên người liên hệ').fill('Võ Thị Hằng');
    await officer.getByLabel('Thư điện tử').fill('vanphong@hatinh.vks.gov.vn');

    // Submitted without the justification a sector flag needs: the server refuses, the error sits on that field.
    await officer.getByRole('button', { name: 'Nộp biểu mẫu' }).click();
    await officer.locator('#form-status.is-error').waitFor();
    expect(await officer.locator('#form-status').innerText()).toBe('Máy chủ chưa nhận biểu mẫu: có 1 lỗi, đã đánh dấu ở từng trường.');
    const justification = officer.locator('.formio-component-flagJustification');
    await justification.locator('.formio-errors', { hasText: 'Thành tích làm căn cứ đăng ký Cờ thi đua là bắt buộc' }).waitFor();
    const task = await hatinhTask(current);
    expect(task.form.status).toBeNull();

    await officer.getByLabel('Thành tích làm căn cứ đăng ký Cờ thi đua').fill('Hoàn thành xuất sắc toàn diện các chỉ tiêu công tác năm 2020.');
    await officer.getByRole('button', { name: 'Nộp biểu mẫu' }).click();
    await officer.locator('#form-status.is-done').waitFor();
    expect(await officer.locator('#form-status').innerText()).toMatch(/^Đã nộp biểu mẫu lúc /);
    expect(await justification.locator('.formio-errors').innerText()).toBe('');
    const submitted = (await hatinhTask(current)).form;
    expect(submitted).toMatchObject({ status: 'submitted', formVersionNumber: 2, data: { unitName: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh', collectiveTitle: 'coThiDuaNganh', totalStaff: 40 } });

    // The running campaign's form still shows version 1's label.
    await officer.goto(`${base}/inbox`);
    await officer.getByRole('article').filter({ hasText: 'Đăng ký danh hiệu 2020 – đợt đang chạy' }).getByRole('link', { name: 'Mở biểu mẫu' }).click();
    await officer.locator('body[data-form-ready="true"]').waitFor();
    expect(await officer.locator('.formio-component-unitName label').first().innerText()).toMatch(/^Tên đơn vị \*$/);
    expect(await officer.getByLabel(NEW_LABEL).count()).toBe(0);

    // Earlier submissions, each in its own version, read-only.
    await officer.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Biểu mẫu đã nộp' }).click();
    await officer.waitForURL(`${base}/inbox/submissions`);
    const row = officer.locator('#submissions tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/Đăng ký danh hiệu thi đua\s+2\s+VKS-HTI — Viện kiểm sát nhân dân tỉnh Hà Tĩnh\s+Võ Thị Hằng/);
    await row.getByRole('link').click();
    await officer.locator('body[data-form-ready="true"]').waitFor();
    expect(await officer.getByLabel(NEW_LABEL).inputValue()).toBe('Viện kiểm sát nhân dân tỉnh Hà Tĩnh');
    expect(await officer.getByLabel(NEW_LABEL).isDisabled()).toBe(true);
    expect(await officer.getByRole('button', { name: 'Nộp biểu mẫu' }).count()).toBe(0);

    // The builder in English on request: Form.io's own strings switch language.
    await builder.goto(`${base}/admin/forms?lang=en`);
    await builder.getByRole('link', { name: 'Đăng ký danh hiệu thi đua' }).click();
    await builder.locator('body[data-builder-ready="true"]').waitFor();
    expect(await builder.locator('.builder-sidebar').innerText()).toContain('Basic');
    expect(await builder.getByRole('button', { name: 'Publish' }).isVisible()).toBe(true);

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('only administrators reach the builder', async () => {
    const officer = await signedIn('hatinh.canbo', '/inbox');
    const response = await officer.goto(`${t.url}/admin/forms`);
    expect(response?.status()).toBe(403);
  });

  it('the pact draft form works offline in Vietnamese: its clause grid and its date picker', async () => {
    const pact = await clusterPactFixture(t);
    const campaignId = await pact.launch('Giao ước thi đua năm 2020 – dự thảo trên trang');
    const errorsBefore = consoleErrors.length;
    const head = await signedIn('thanhhoa.vientruong', '/inbox');
    const notFound: string[] = [];
    head.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await head.getByRole('article').filter({ hasText: 'Giao ước thi đua năm 2020 – dự thảo trên trang' }).getByRole('link', { name: 'Mở biểu mẫu' }).click();
    await head.locator('body[data-form-ready="true"]').waitFor();
    expect(await head.locator('.formio-component-clauses').innerText()).toContain('Thêm điều khoản');
    // The picker loads after the form is drawn (from this server): click once it is attached to the field.
    await head.locator('.formio-component-signingDate input.flatpickr-input').first().waitFor({ state: 'attached' });
    // On a busy machine the picker may finish attaching after a click has landed: click until it opens (a state, not
    // a duration), as a person would.
    const calendar = head.locator('.flatpickr-calendar.open');
    for (let attempt = 1; !(await calendar.isVisible()); attempt++) {
      if (attempt > 10) throw new Error('The date picker did not open after 10 clicks');
      await head.locator('.formio-component-signingDate input:visible').first().click();
      await calendar.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    expect(await calendar.innerText()).toMatch(/T2[\s\S]*CN/);
    expect(await calendar.innerText()).toContain('Tháng');
    expect(notFound).toEqual([]);
    expect(consoleErrors.slice(errorsBefore)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(campaignId).toEqual(expect.any(String));
  });
});
