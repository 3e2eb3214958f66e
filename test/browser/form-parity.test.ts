import { Browser, Page } from 'playwright-core';
import { FormValidator } from '../../src/modules/forms/validation/form-validator';
import { describeBrowser, launchChromium } from '../support/browser';
import { browserExpectation, loadParityFixtures, ParityError, sortedPairs } from '../support/form-parity-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * The harness page's script: renders `form` with @formio/js (the bundle the pages serve), sets `data` as the
 * submission, waits until the form has settled (no change event for 250 ms: conditions are re-evaluated on a
 * debounced change), then submits as a person pressing Submit would and returns the errors Form.io reports.
 */
const HARNESS_SCRIPT = `
window.judge = async function (form, data) {
  var host = document.createElement('div');
  document.body.appendChild(host);
  var instance = await Formio.createForm(host, form, { noAlerts: true });
  var lastChange = Date.now();
  instance.on('change', function () { lastChange = Date.now(); });
  await instance.setSubmission({ data: data });
  var started = Date.now();
  while (Date.now() - lastChange < 250 && Date.now() - started < 5000) await new Promise(function (resolve) { setTimeout(resolve, 50); });
  var reported = [];
  try { await instance.submit(); } catch (failure) { reported = Array.isArray(failure) ? failure : [failure]; }
  instance.destroy();
  host.remove();
  return reported.map(function (error) {
    var context = (error && error.context) || {};
    return [String(context.path !== undefined ? context.path : error && error.path), String((error && error.ruleName) || context.validator)];
  });
};`;

type Judge = (form: unknown, data: unknown) => Promise<ParityError[]>;

async function judgeInBrowser(page: Page, form: unknown, data: unknown): Promise<ParityError[]> {
  return page.evaluate(([form, data]) => (globalThis as unknown as { judge: Judge }).judge(form, data), [form, JSON.parse(JSON.stringify(data))] as const);
}

describeBrowser('form parity: the server and the renderer judge every fixture alike (headless Chromium)', () => {
  const fixtures = loadParityFixtures();
  const validator = new FormValidator();
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ listen: true, demo: false });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A blank page of the app's own origin that loads the renderer exactly as the form pages do.
    await page.route(`${t.url}/parity-harness`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>' }));
    await page.goto(`${t.url}/parity-harness`);
    await page.addScriptTag({ url: `${t.url}/assets/formio/formio.full.min.js` });
    await page.addScriptTag({ content: HARNESS_SCRIPT });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const fixture of fixtures) {
    describe(fixture.file, () => {
      it.each(fixture.cases.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
        const server = validator.validate(fixture.form, entry.data, { mode: 'submit', language: 'vi' });
        const serverPairs = sortedPairs(server.errors.map((error) => [error.path, error.validator] as const));
        const browserPairs = [...new Set(sortedPairs(await judgeInBrowser(page, fixture.form, entry.data)))];

        // Both sides against the hand-derived expectation…
        expect(serverPairs).toEqual(sortedPairs(entry.expected.errors));
        expect(server.valid).toBe(entry.expected.valid);
        const expectedInBrowser = browserExpectation(fixture, entry);
        expect(browserPairs).toEqual(sortedPairs(expectedInBrowser.errors));
        // …and against each other, wherever the renderer can hold the data at all.
        const serverOnly = new Set(fixture.serverOnlyValidators ?? []);
        if (!entry.browser) expect(browserPairs).toEqual(serverPairs.filter((pair) => !serverOnly.has(pair.slice(pair.lastIndexOf(':') + 1))));
      });
    });
  }

  it('ran in the browser without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
