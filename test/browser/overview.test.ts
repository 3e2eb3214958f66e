import { MikroORM } from '@mikro-orm/core';
import { Browser, BrowserContext } from 'playwright-core';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { describeBrowser, launchChromium, signIn } from '../support/browser';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

jest.setTimeout(90_000);

/** What the page's Chart.js instance holds, read in the page (the global `Chart` of its UMD bundle). */
interface DrawnChart {
  width: number;
  height: number;
  labels: string[];
  series: number[][];
}

describeBrowser('the overview page (headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('draws the completion chart with Chart.js under the page policy, from the same figures as its table', async () => {
    const admin = await bearerFor(t, 'admin');
    const clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    const version = await publishedVersion(t, 'browser-overview', fourStageDocument());
    const campaignId = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name: 'Giao ước 2020 – Cụm 6', year: 2020, clusterId }).expect(201)).body.id;
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const [task] = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(head).expect(200)).body.tasks;
    await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(head).send({ command: 'approve' }).expect(200);

    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await signIn(page, t.url!, 'admin', DEMO_PASSWORD, '/admin/overview?year=2020');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tổng quan thi đua năm 2020');
    expect(await page.locator('#overview-summary').innerText()).toContain('1/7 việc đã hoàn thành');

    // In the page (this project's TypeScript has no DOM types): the canvas, and the instance Chart.js keeps for it.
    const inPage = `const canvas = document.getElementById('overview-chart'); const chart = window.Chart && canvas && window.Chart.getChart(canvas);`;
    await page.waitForFunction(`(() => { ${inPage} return Boolean(chart && canvas.width > 0 && canvas.height > 0); })()`);
    const drawn = await page.evaluate<DrawnChart>(
      `(() => { ${inPage} return { width: canvas.width, height: canvas.height, labels: chart.data.labels, series: chart.data.datasets.map((set) => set.data) }; })()`,
    );
    expect(drawn.width).toBeGreaterThan(0);
    expect(drawn.height).toBeGreaterThan(0);

    const rows = await page.locator('#overview-figures-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from((tr as unknown as { querySelectorAll(selector: string): Iterable<{ textContent: string }> }).querySelectorAll('td')).map((td) => td.textContent.trim())));
    expect(rows.length).toBeGreaterThan(0);
    expect(drawn.labels).toEqual(rows.map((row) => row[0]));
    expect(drawn.series).toEqual([rows.map((row) => Number(row[1])), rows.map((row) => Number(row[2]))]);
    expect(rows[rows.length - 1].slice(1)).toEqual(['7', '1']);
    expect(consoleErrors).toEqual([]);
  });
});
