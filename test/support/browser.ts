import { existsSync } from 'node:fs';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { TEST_DIALECT } from './test-database';

/** Debian's Chromium, installed by `npm test` (scripts/lib.sh) when missing and run as root. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Chosen at load time: a missing Chromium fails the suite unless skipping was asked for, and then it says so loudly.
const chromiumMissing = !existsSync(CHROMIUM);
// CI never skips: a green run there must have driven the pages.
const skipRequested = process.env.THIDUA_SKIP_BROWSER === '1' && process.env.CI !== 'true';
if (chromiumMissing && skipRequested) {
  // eslint-disable-next-line no-console -- a skipped browser suite must be impossible to miss in the output.
  console.warn(
    `\n!!! BROWSER TESTS DID NOT RUN: ${CHROMIUM} is missing and THIDUA_SKIP_BROWSER=1 is set.\n` +
      '!!! Install the Debian package `chromium` (apt-get install chromium) to run them.\n',
  );
}

/** `describe`, or `describe.skip` when Chromium is missing and THIDUA_SKIP_BROWSER=1 asked to skip. */
export const describeBrowser = chromiumMissing && skipRequested ? describe.skip : describe;

/**
 * For browser suites about what a page shows and how it is used (markup under axe-core, a walk through flows whose
 * data paths the e2e suites check on both databases): run with the SQLite project only, as the database behind the
 * page changes nothing they check and each costs half a minute or more.
 */
export const describeBrowserOnce = TEST_DIALECT === 'sqlite' ? describeBrowser : describe.skip;

/** Launches headless Chromium, or fails with what to install. */
export async function launchChromium(): Promise<Browser> {
  if (chromiumMissing) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install the Debian package \`chromium\` (apt-get install chromium), ` +
        'or set THIDUA_SKIP_BROWSER=1 to skip the browser tests explicitly.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Signs in through the sign-in form, as a person would: from the sign-in page to the home page, or from a page that
 * asks for it (`path`, which sends to the sign-in form) back to that page.
 */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}${path === '/' ? '/sign-in' : path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

/**
 * Serves the page script at `path` late, as a busy server would: a click on its page before the script has run must
 * wait for it (the page renders such buttons disabled), not be lost or post the form without what the script adds.
 */
export async function serveScriptLate(context: BrowserContext, path: string, delayMs = 500): Promise<void> {
  await context.route(`**${path}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.continue();
  });
}
