import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAxeChecker, expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
import { startLiveApp } from '../support/live-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { buildPublishingScenario, type PublishingScenario } from '../../src/publishing/publishing-scenario.test-support.ts';

let live: TestApp & { baseUrl: string };
let browser: Browser;
let axe: Awaited<ReturnType<typeof createAxeChecker>>;
let scenario: PublishingScenario;
const contexts: BrowserContext[] = [];

async function contextFor(user: { id: string; organisation_id: string } | null, javaScriptEnabled = false): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(15_000);
  if (user) await context.addCookies([{ name: 'waymark_session', value: await live.services.auth.startSession(user), url: live.baseUrl }]);
  contexts.push(context);
  return context;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(`${live.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  await axe.check(page, path);
}

beforeAll(async () => {
  live = await startLiveApp();
  browser = await launchBrowser();
  axe = await createAxeChecker(browser, live.baseUrl);
  scenario = await buildPublishingScenario(live.database.db, live.services);
  await scenario.setRules((key) => (key === 'evidence' ? 'public' : key === 'correctiveAction' ? 'members' : 'public'));
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await axe?.close();
  await browser?.close();
  await live?.close();
});

describe('the public and members’ pages, without JavaScript', () => {
  it('lets anyone read a published plan, its actions and their history, and find the open data', async () => {
    const page = await (await contextFor(null)).newPage();
    const base = `/public/${scenario.organisation.slug}`;
    await visit(page, base);
    await page.getByRole('link', { name: 'Published improvement plan' }).click();
    await axe.check(page, 'public plan page');
    expect(await page.getByRole('table', { name: /Actions by RAG rating/ }).innerText()).toMatch(/Amber\s+0/);
    await page.getByLabel('Search').fill('calendar');
    await page.getByRole('button', { name: 'Show items' }).click();
    await axe.check(page, 'public plan page, filtered');
    expect(await page.getByRole('table', { name: /Items of/ }).getByRole('row').count()).toBe(2);
    await page.getByRole('link', { name: 'Clear the filters' }).click();
    await page.getByRole('link', { name: 'REFSENT1 TITLESENT action' }).click();
    await axe.check(page, 'public action page');
    const main = await page.locator('main').innerText();
    expect(main).toContain('NARRATIVESENT');
    expect(main).not.toContain('CORRECTIVESENT');
    expect(main).not.toContain('FUTURESENT');
    expect(await page.getByRole('link', { name: 'EVIDENCESENT.pdf' }).count()).toBe(1);
    await visit(page, '/api/v1/docs');
    expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(10);
  });

  it('lets a councillor read members-only fields and follow an action', async () => {
    const page = await (await contextFor(scenario.member)).newPage();
    await visit(page, '/members');
    await page.getByRole('link', { name: 'Published improvement plan' }).click();
    await axe.check(page, 'members plan page');
    await page.getByRole('link', { name: 'REFSENT1 TITLESENT action' }).click();
    await axe.check(page, 'members action page');
    expect(await page.locator('main').innerText()).toContain('CORRECTIVESENT');
    await page.getByRole('button', { name: 'Follow this action' }).click();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('You are following this action');
    await axe.check(page, 'members action page, followed');
    await visit(page, '/members');
    expect(await page.getByRole('link', { name: 'REFSENT1 TITLESENT action' }).count()).toBe(1);
  });

  it('lets the plan owner set what is published, and a lead create an API token shown once', async () => {
    const owner = await (await contextFor(scenario.owner)).newPage();
    await visit(owner, `/plans/${scenario.plan.id}/publishing`);
    await owner.getByLabel('Progress narrative').selectOption('members');
    await owner.getByRole('button', { name: 'Save publishing rules' }).click();
    expect(await owner.locator('.govuk-notification-banner').innerText()).toContain('Publishing rules saved');
    await owner.getByLabel('Publish updates this many days before the meeting they go to').fill('lots');
    await owner.getByRole('button', { name: 'Save publishing rules' }).click();
    expect(await owner.locator('.govuk-error-summary').innerText()).toContain('whole number from 0 to 90');
    await axe.check(owner, 'publishing page with an error');
    await visit(owner, '/publishing/licence');

    const lead = await (await contextFor(scenario.lead)).newPage();
    await visit(lead, '/account/api-tokens');
    await lead.getByLabel('Name').fill('Performance dashboard');
    await lead.getByRole('button', { name: 'Create token' }).click();
    await axe.check(lead, 'token created');
    const token = await lead.getByLabel('Your token').inputValue();
    expect(token).toMatch(/^wmk_/);
    await lead.goto(`${live.baseUrl}/account/api-tokens`);
    expect(await lead.locator('main').innerText()).not.toContain(token);
    await axe.check(lead, 'tokens list');
  });

  it('passes axe with JavaScript on as well', async () => {
    const page = await (await contextFor(null, true)).newPage();
    await page.goto(`${live.baseUrl}/public/${scenario.organisation.slug}/plans/${scenario.plan.id}`);
    await expectNoAxeViolations(page, 'public plan page with JavaScript');
  });
});
