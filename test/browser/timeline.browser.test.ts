import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAxeChecker, expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
import { startLiveApp } from '../support/live-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createOrganisation, createUser, TEST_PASSWORD } from '../factories/factories.ts';
import { insertSeed003Plan } from '../../src/timeline/seed-003-plan.test-support.ts';

let live: TestApp & { baseUrl: string };
let browser: Browser;
let axe: Awaited<ReturnType<typeof createAxeChecker>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  live = await startLiveApp();
  browser = await launchBrowser();
  axe = await createAxeChecker(browser, live.baseUrl);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await axe?.close();
  await browser?.close();
  await live?.close();
});

/** A browser signed in through the real sign-in page, with JavaScript off unless asked for. */
async function signIn(email: string, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${live.baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect(new URL(page.url()).pathname).toBe('/plans');
  return page;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(`${live.baseUrl}${path}`);
  expect(response?.status(), path).toBeLessThan(400);
  await axe.check(page, path);
}

/** What each month cell of an item's row says to a screen reader. */
async function monthCells(page: Page, label: string): Promise<string[]> {
  const cells = page.getByRole('row', { name: new RegExp(`^${label.replace(/\./g, '\\.')}`) }).getByRole('cell');
  const texts = await cells.evaluateAll((tds) => tds.map((td) => td.querySelector('.govuk-visually-hidden')?.textContent ?? ''));
  return texts.slice(4);
}

const cellOf = (page: Page, label: string, index: number) =>
  page.getByRole('row', { name: new RegExp(`^${label.replace(/\./g, '\\.')}`) }).getByRole('cell').nth(index).innerText();
const statusOf = (page: Page, label: string) => cellOf(page, label, 1);

describe('the timeline and the knock-on of a slip, without JavaScript', () => {
  it('shows seed 003’s months; a dependency added on the item page and an agreed revised date flag the dependent', async () => {
    const db = live.database.db;
    const organisation = await createOrganisation(db, { fyStartMonth: 7, name: 'Seed Borough Council' });
    const owner = await createUser(db, { organisationId: organisation.id, roles: ['admin', 'reviewer'], name: 'Olive Owner' });
    const { plan, actions } = await insertSeed003Plan(db, organisation.id, owner.user.id);
    const timeline = `/plans/${plan.id}/timeline`;
    const page = await signIn(owner.user.email);

    // Seed 003's ■ marks are on a July–June grid, each cell in words.
    await visit(page, timeline);
    await expect(page.getByRole('columnheader', { name: 'Jul 2007' }).count()).resolves.toBe(1);
    await expect(page.getByRole('columnheader', { name: 'Jun 2008' }).count()).resolves.toBe(1);
    expect(await monthCells(page, '7.1.1 Capacity Building')).toEqual(['Planned', 'Planned', 'Planned', 'Planned', 'Planned', '', '', '', '', '', '', '']);
    expect(await monthCells(page, '7.1.5 Deliver plan.')).toEqual(['', '', '', '', '', '', '', '', 'Planned', 'Planned', 'Planned', 'Planned']);
    expect(await statusOf(page, '7.1.5 Deliver plan.')).toBe('');
    const chart = await page.request.get(`${live.baseUrl}${timeline}.svg`);
    expect(chart.headers()['content-type']).toContain('image/svg+xml');
    expect(await page.locator('.waymark-timeline-chart img').getAttribute('alt')).toContain('Timeline of Improvement Plan: 2007/08 Update');
    await visit(page, `${timeline}?zoom=quarter`);
    expect(await monthCells(page, '7.1.2 Budget bid')).toEqual(['', 'Planned', '', '']);

    // 7.1.5 depends on 7.1.4, added on 7.1.5's page; the reverse would be a loop and is refused, naming it.
    await visit(page, `/plans/${plan.id}/items/${actions['7.1.5']}`);
    await page.getByLabel('Depends on', { exact: true }).check();
    await page.getByLabel('Related item').selectOption({ label: '7.1.4 Develop delivery plan for further roll out.' });
    await page.getByRole('button', { name: 'Add related item' }).click();
    await axe.check(page, 'item page after adding a relation');
    expect(await page.locator('main').innerText()).toContain('Depends on 7.1.4 Develop delivery plan for further roll out.');
    await visit(page, `/plans/${plan.id}/items/${actions['7.1.4']}`);
    await page.getByLabel('Depends on', { exact: true }).check();
    await page.getByLabel('Related item').selectOption({ label: '7.1.5 Deliver plan.' });
    await page.getByRole('button', { name: 'Add related item' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('This would make a loop: 7.1.4 depends on 7.1.5, 7.1.5 on 7.1.4');
    await axe.check(page, 'relation form with an error');

    // The lead of 7.1.4 revises its date to 30 April 2008 and the reviewer agrees it.
    await visit(page, `/plans/${plan.id}/items/${actions['7.1.4']}/update`);
    await page.getByLabel('At risk').check();
    await page.getByLabel('Amber').check();
    await page.getByLabel('Progress this period').fill('The roll-out waits for the new budget.');
    await page.getByLabel('Revised target date', { exact: true }).fill('30/04/2008');
    await page.getByLabel('Reason for the revised date').fill('Budget bid decided late');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await visit(page, '/reviews');
    await page.getByRole('link', { name: /7\.1\.4 Develop delivery plan/ }).click();
    await page.getByLabel('Amber', { exact: true }).check();
    await page.getByLabel('Approve').check();
    await page.getByRole('button', { name: 'Save review' }).click();
    await axe.check(page, 'item after approval');

    // The dependent is flagged on the timeline, listed as a knock-on, and its suggested RAG says why.
    await visit(page, timeline);
    expect(await statusOf(page, '7.1.5 Deliver plan.')).toBe('At risk from 7.1.4');
    expect(await cellOf(page, '7.1.5 Deliver plan.', 3)).toBe('7.1.4');
    expect(await monthCells(page, '7.1.4 Develop delivery plan')).toEqual(['', '', '', '', 'Planned', 'Planned', 'Planned', 'Planned', '', 'Revised date', '', '']);
    expect(await page.locator('main').innerText()).toContain('1 item at risk from a slip elsewhere.');
    await page.getByRole('link', { name: 'See the knock-on of slips' }).click();
    await axe.check(page, 'knock-on list');
    const reason = "At risk from 7.1.4: its revised date 30/04/2008 is 60 days after this action's start";
    expect(await page.locator('main').innerText()).toContain(reason);
    await visit(page, `/plans/${plan.id}/items/${actions['7.1.5']}`);
    expect(await page.locator('main').innerText()).toContain(reason);
    await visit(page, `/plans/${plan.id}?q=7.1.5`);
    expect(await page.getByRole('row', { name: /7\.1\.5/ }).innerText()).toContain('Amber');
  });

  it('passes axe with JavaScript on, on the timeline (every zoom) and the item page', async () => {
    const db = live.database.db;
    const organisation = await createOrganisation(db, { fyStartMonth: 7 });
    const owner = await createUser(db, { organisationId: organisation.id, roles: ['admin'] });
    const { plan, actions } = await insertSeed003Plan(db, organisation.id, owner.user.id);
    const page = await signIn(owner.user.email, true);
    for (const path of [`/plans/${plan.id}/timeline`, `/plans/${plan.id}/timeline?zoom=week&mine=1`, `/plans/${plan.id}/items/${actions['7.1.1']}`]) {
      await page.goto(`${live.baseUrl}${path}`);
      await expectNoAxeViolations(page, path);
    }
  });
});
