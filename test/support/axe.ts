import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, read once: evaluated in the page rather than added as a script the pages' CSP would refuse. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rules of WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** What axe reports of one rule broken on the page. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

/** Runs axe-core on the page as it stands (WCAG 2.1 A and AA) and answers the rules it breaks, of every impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // page.evaluate runs through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(`(() => { if (!window.axe) { ${AXE_SOURCE}\n; } })()`);
  return page.evaluate(async (tags) => {
    const { axe, document } = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** One line per serious or critical violation: the rule, its help text and the selectors of the offending elements. */
export function describeSerious(violations: AxeViolation[]): string[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n    ${violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.html.slice(0, 160)}${process.env.AXE_VERBOSE ? `\n      ${node.failureSummary}` : ''}`).join('\n    ')}`);
}

/**
 * Fails when axe-core finds a serious or critical WCAG 2.1 A/AA violation on the page, listing each with its rule, help
 * text and the offending elements' selectors; `label` names the page in the message.
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const serious = describeSerious(await axeViolations(page));
  if (serious.length > 0) throw new Error(`${label} (${page.url()}): ${serious.length} serious or critical accessibility violation(s):\n  ${serious.join('\n  ')}`);
}
