import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAxeChecker, expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
import { startLiveApp } from '../support/live-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createUser } from '../factories/factories.ts';
import { importSeed004 } from '../../src/reports/reports.test-support.ts';

let live: TestApp & { baseUrl: string };
let browser: Browser;
let noScript: BrowserContext;
let withScript: BrowserContext;
let axe: Awaited<ReturnType<typeof createAxeChecker>>;
let reportsPath = '';
let planId = '';
let organisationId = '';

beforeAll(async () => {
  live = await startLiveApp();
  browser = await launchBrowser();
  axe = await createAxeChecker(browser, live.baseUrl);
  const { user, actor } = await createUser(live.database.db, { roles: ['admin'], name: 'Joanne Platt' });
  planId = await importSeed004(live.services, actor);
  organisationId = actor.organisationId;
  await live.database.db.updateTable('plans').set({ title: 'Peer Challenge Improvement Plan 2013' }).where('id', '=', planId).execute();
  reportsPath = `/plans/${planId}/reports`;
  const token = await live.services.auth.startSession(user);
  noScript = await browser.newContext({ javaScriptEnabled: false });
  withScript = await browser.newContext();
  for (const context of [noScript, withScript]) {
    context.setDefaultTimeout(20_000);
    await context.addCookies([{ name: 'waymark_session', value: token, url: live.baseUrl }]);
  }
});
afterAll(async () => {
  await noScript?.close();
  await withScript?.close();
  await axe?.close();
  await browser?.close();
  await live?.close();
});

async function visit(page: Page, path: string) {
  const response = await page.goto(`${live.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  await axe.check(page, path);
}

/** Issues the previewed report and follows the progress page (it refreshes itself) to the pack. */
async function issuePack(page: Page, title: string) {
  await page.getByLabel('Name of the pack').fill(title);
  await page.getByRole('button', { name: 'Issue the pack' }).click();
  await page.waitForURL(/\/reports\/packs\/[0-9a-f-]{36}\?issued=1$/, { timeout: 60_000 });
  expect(await page.locator('h1').innerText()).toBe(title);
  await axe.check(page, `pack ${title}`);
}

describe('committee reports, without JavaScript', () => {
  it('builds the seed 004 report, previews it, issues two packs and compares them', async () => {
    const page = await noScript.newPage();
    await visit(page, reportsPath);
    await page.getByLabel('Cabinet').check();
    await page.getByRole('button', { name: 'Preview the report' }).click();
    expect(page.url()).toContain('/reports/preview?');
    await axe.check(page, 'report preview');
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/27 actions as at \d+ \w+ \d{4}: 12 Achieved, 11 On target, 2 Not started/);
    const revised = page.getByRole('table', { name: 'Target dates revised' });
    expect(await revised.getByRole('row').count()).toBe(3);
    expect(await revised.innerText()).toContain('Revised Completion Date from Autumn 2013 to December 2013.');
    expect(await page.getByRole('link', { name: 'Word document (DOCX)' }).getAttribute('href')).toContain('/download/docx?');
    await issuePack(page, 'Cabinet, October 2013');

    await visit(page, `${reportsPath}/preview?audience=Cabinet&sections=summary&sections=changes`);
    expect(await page.locator('main').innerText()).toContain('Changes since Cabinet, October 2013');
    await issuePack(page, 'Cabinet, November 2013');

    await visit(page, `${reportsPath}/packs`);
    await page.getByRole('button', { name: 'Compare' }).click();
    await axe.check(page, 'comparison');
    expect(await page.locator('h1').innerText()).toBe('What changed from Cabinet, October 2013 to Cabinet, November 2013');
  });

  it('shows the builder again with a message for an empty selection', async () => {
    const page = await noScript.newPage();
    await visit(page, reportsPath);
    await page.getByLabel('Cabinet').check();
    await page.getByLabel('Theme or priority').selectOption('Scrutiny');
    await page.getByLabel('Status').selectOption('Not started');
    await page.getByRole('button', { name: 'Preview the report' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('No actions match the filters you chose');
    await axe.check(page, 'builder with errors');
  });

  it('shows how far a pack being issued has got, refreshing itself', async () => {
    const page = await noScript.newPage();
    const packId = '00000000-0000-4000-8000-000000000006';
    let release = () => {};
    live.services.reports.jobs.start({ packId, organisationId, planId, total: 5 }, (onProgress) => {
      onProgress(['docx', 'pdf']);
      return new Promise<void>((resolve) => { release = resolve; });
    });
    const response = await page.goto(`${live.baseUrl}${reportsPath}/issuing/${packId}`);
    expect(response?.headers().refresh).toBe('2');
    expect(await page.getByRole('status').innerText()).toBe('2 of 5 files written: Word document (DOCX), PDF.');
    await axe.check(page, 'issuing progress');
    await page.close();
    release();
  });

  it('shows the template pages', async () => {
    const page = await noScript.newPage();
    await visit(page, '/reports/templates');
    await visit(page, '/reports/templates/new');
  });
});

describe('the report preview with JavaScript', () => {
  it('passes axe with the report’s stylesheet applied', async () => {
    const page = await withScript.newPage();
    const response = await page.goto(`${live.baseUrl}${reportsPath}/preview?audience=Scrutiny`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('.waymark-chart svg').count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('downloads an HTML report that stands on its own and passes axe', async () => {
    const page = await withScript.newPage();
    await page.goto(`${live.baseUrl}${reportsPath}`);
    const file = await page.request.get(`${live.baseUrl}${reportsPath}/download/html?audience=Scrutiny`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('text/html');
    await page.setContent(await file.text());
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
