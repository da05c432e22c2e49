import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, with the flags this machine needs (no network beyond loopback). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
}

/** Runs axe (WCAG 2.0–2.2 A and AA rules) on a page with JavaScript on, failing the test with every violation. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `axe violations on ${label}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/**
 * For pages browsed with JavaScript off (where axe cannot run): the same HTML is loaded into a checker page with
 * JavaScript on, at the same origin so the stylesheets apply, and axe runs there.
 */
export async function createAxeChecker(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ bypassCSP: true });
  const checker = await context.newPage();
  await checker.goto(`${baseUrl}/accessibility`);
  return {
    async check(page: Page, label = page.url()): Promise<void> {
      const html = await page.content();
      await checker.setContent(html, { waitUntil: 'load' });
      const violations = await runAxe(checker);
      expect(violations, `axe violations on ${label}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
    },
    close: () => context.close(),
  };
}
