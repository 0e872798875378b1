import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/**
 * Runs axe-core (WCAG 2.1 A/AA) on the page as it is now and returns the violations of the given
 * impacts (serious and critical unless told), formatted so a failing assertion says what and
 * where.
 */
export async function seriousA11yViolations(
  page: Page,
  impacts: readonly Impact[] = ['serious', 'critical'],
): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Not page.addScriptTag: the server's Content-Security-Policy (script-src 'self') rightly blocks
  // inline scripts, and the tests keep CSP on. An evaluated script runs through DevTools instead.
  if (!loaded) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, TAGS);
  return (violations as AxeViolation[])
    .filter((v) => impacts.includes(v.impact as Impact))
    .map(
      (v) =>
        `${v.impact}: ${v.id} — ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    at ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
          .join('\n'),
    );
}
