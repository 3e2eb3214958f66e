import { createHmac, timingSafeEqual } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { Page } from 'playwright-core';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import type { ReceivedRequest } from './https-receiver';
import type { TestApp } from './test-app';

/**
 * A second cluster of 2020 (the seed has only Cluster No. 6), headed by Nghệ An with Hà Tĩnh as deputy: launching "every
 * cluster of the year" then makes more than one campaign, and "one delivery per launch, exactly once" says something.
 */
export async function addSecondCluster2020(t: TestApp): Promise<void> {
  const em = t.app.get(MikroORM).em.fork();
  const [nghean, hatinh, quangbinh] = await Promise.all(['VKS-NAN', 'VKS-HTI', 'VKS-QBI'].map((code) => em.findOneOrFail(Unit, { code })));
  const cluster = em.create(Cluster, { name: 'Cụm thi đua số 7', year: 2020, headUnit: nghean, deputyUnit: hatinh });
  cluster.members.set([nghean, hatinh, quangbinh]);
  await em.flush();
}

/** The units file's header and `count` rows (VKS-NHAP-001…): every tenth unit heads the nine after it. */
export function unitRows(count: number): string[][] {
  const code = (n: number) => `VKS-NHAP-${String(n).padStart(3, '0')}`;
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const head = n % 10 === 1;
    return [code(n), `Viện kiểm sát nhân dân khu vực ${n} (thử nhập)`, head ? `VKSKV ${n}` : '', head ? 'VKSNDTC' : code(n - ((n - 1) % 10))];
  });
}

/** A CSV file of these rows under the units header (values here hold no comma or quote). */
export const unitsCsv = (rows: string[][]): Buffer => Buffer.from(['code,name,shortName,parentCode', ...rows.map((row) => row.join(','))].join('\n'));

/**
 * Checks a delivery as a receiver would, from the documented scheme rather than the app's own helper:
 * `X-Thidua-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the endpoint's secret, signed
 * within the last ten minutes.
 */
export function signedBy(secret: string, request: ReceivedRequest, now = Date.now()): boolean {
  const header = String(request.headers['x-thidua-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${request.body}`).digest();
  const fresh = Math.abs(now / 1000 - Number(match[1])) < 600;
  return fresh && timingSafeEqual(Buffer.from(match[2], 'hex'), expected);
}

/**
 * Keeps every text the element at `selector` is given from now on (a progress line the page's script rewrites with
 * `textContent`), across the navigation its script ends with: the texts come back through a binding the browser
 * context keeps. Each text node added is read from its own mutation record, so that texts set within one task (lines
 * that arrived in one chunk) are all kept, not only the last.
 */
export async function recordTexts(page: Page, selector: string): Promise<string[]> {
  const seen: string[] = [];
  const binding = `recordText${Math.random().toString(36).slice(2)}`;
  await page.exposeFunction(binding, (texts: string[]) => seen.push(...texts));
  // In the page (this project's TypeScript has no DOM types).
  await page.evaluate(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    new MutationObserver((records) => {
      const texts = records.flatMap((record) => Array.from(record.addedNodes, (node) => node.textContent));
      if (texts.length) window[${JSON.stringify(binding)}](texts);
    }).observe(element, { childList: true });
  })()`);
  return seen;
}
