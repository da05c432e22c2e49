import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAxeChecker, launchBrowser } from '../support/browser.ts';
import { startLiveApp } from '../support/live-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createItem, createPerson, createPlan, createUser } from '../factories/factories.ts';
import { emptyMeasureForm } from '../../src/measures/measure-form.ts';
import { riskFormValues } from '../../src/risks/risk-form.ts';
import { buildSeed001Shape } from '../../src/recommendations/seed-001-shape.test-support.ts';

let live: TestApp & { baseUrl: string };
let browser: Browser;
let context: BrowserContext;
let axe: Awaited<ReturnType<typeof createAxeChecker>>;
let planPath = '';
let measurePath = '';
let riskPath = '';
let outcomePath = '';

beforeAll(async () => {
  live = await startLiveApp();
  browser = await launchBrowser();
  axe = await createAxeChecker(browser, live.baseUrl);
  const db = live.database.db;
  const { user, actor } = await createUser(db, { roles: ['admin'], name: 'Joanne Platt' });
  const plan = await createPlan(db, { organisationId: actor.organisationId, ownerUserId: user.id, title: 'Improvement Plan 2025/26', periodStart: '2025-04-01', periodEnd: '2026-03-31' });
  planPath = `/plans/${plan.id}`;
  const outcome = await createItem(db, { planId: plan.id, kind: 'outcome', ref: '10', title: 'Staff understand the Council’s priorities', position: 9 });
  outcomePath = `${planPath}/items/${outcome.id}`;
  const measures = live.services.measures.measures;
  const measure = await measures.saveMeasure(actor, plan.id, null, 0, {
    ...emptyMeasureForm(),
    ref: '10.1',
    title: 'Percentage of staff who understand the Council’s priorities',
    itemId: outcome.id,
    unit: 'percent',
    baseline: '40',
    targets: { '2025-Q1': '60', '2025-Q2': '70', '2025-Q3': '80', '2025-Q4': '90' },
  });
  for (const [period, value] of [['2025-Q1', '55'], ['2025-Q2', '68'], ['2025-Q3', '79']] as const) {
    await measures.enterActual(actor, plan.id, measure.id, { period, value, updateId: '' });
  }
  measurePath = `${planPath}/measures/${measure.id}`;
  const owner = await createPerson(db, { organisationId: actor.organisationId, name: 'Interim Chief Executive' });
  const { proposals } = await buildSeed001Shape(db, plan.id);
  const risk = await live.services.measures.risks.saveRisk(actor, plan.id, null, 0, riskFormValues({
    ref: 'R1', title: 'Capacity to deliver the plan', cause: 'Senior officers are stretched', effect: 'Milestones slip', owner: owner.id,
    inherentLikelihood: '4', inherentImpact: '5', residualLikelihood: '2', residualImpact: '4', controls: 'Monthly programme board',
    reviewFrequency: 'monthly', linkedItemIds: proposals[0]?.id,
  }));
  riskPath = `${planPath}/risks/${risk.id}`;
  context = await browser.newContext({ javaScriptEnabled: false });
  context.setDefaultTimeout(15_000);
  const token = await live.services.auth.startSession(user);
  await context.addCookies([{ name: 'waymark_session', value: token, url: live.baseUrl }]);
});
afterAll(async () => {
  await context?.close();
  await axe?.close();
  await browser?.close();
  await live?.close();
});

async function visit(page: Page, path: string) {
  const response = await page.goto(`${live.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  await axe.check(page, path);
}

describe('measures, risks and recommendations pages, without JavaScript', () => {
  it('shows measures with their RAG and trend, a measure’s chart and table, and takes an actual', async () => {
    const page = await context.newPage();
    await visit(page, `${planPath}/measures`);
    const row = page.getByRole('row', { name: /Percentage of staff/ });
    expect(await row.innerText()).toMatch(/79%.*\(Q3 2025\/26\)\s+80%\s+Amber\s+Improving/s);
    await visit(page, measurePath);
    expect(await page.locator('svg circle').count()).toBe(3);
    expect(await page.getByRole('table', { name: /Targets and actuals/ }).getByRole('row').count()).toBe(5);
    await page.getByLabel('Period').selectOption({ label: 'Q4 2025/26' });
    await page.getByLabel('Actual', { exact: true }).fill('88');
    await page.getByRole('button', { name: 'Record actual' }).click();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Actual recorded');
    expect(await page.locator('svg circle').count()).toBe(4);
    await axe.check(page, 'measure after an actual');
    await visit(page, outcomePath);
    expect(await page.getByRole('heading', { name: 'Measures' }).count()).toBe(1);
    await visit(page, `${planPath}/measures/import`);
    await visit(page, `${measurePath}/edit`);
  });

  it('shows the measure form’s errors for a target of the wrong type', async () => {
    const page = await context.newPage();
    await visit(page, `${planPath}/measures/new`);
    await page.getByLabel('What is measured').fill('Delivery of affordable housing');
    await page.getByLabel('Count').check();
    await page.getByLabel('Target for Q1 2025/26').fill('eighty');
    await page.getByRole('button', { name: 'Save measure' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Target for Q1 2025/26 must be a whole number, 0 or more, not "eighty"');
    await axe.check(page, 'measure form with errors');
  });

  it('shows the risk register, a risk, its forms and the heat map as a table and a picture', async () => {
    const page = await context.newPage();
    await visit(page, `${planPath}/risks`);
    expect(await page.getByRole('row', { name: /Capacity to deliver/ }).innerText()).toContain('8 Medium');
    await visit(page, riskPath);
    await visit(page, `${riskPath}/review`);
    await visit(page, `${riskPath}/edit`);
    await visit(page, `${planPath}/risks/heat-map`);
    const cell = page.getByRole('row', { name: /Impact 4: Major/ }).getByRole('cell').nth(1);
    expect(await cell.innerText()).toContain('R1');
    expect(await page.locator('svg rect').count()).toBe(25);
    await visit(page, `${planPath}/risks/heat-map?rating=inherent`);
    await visit(page, `${planPath}/risks/scale`);
    await visit(page, `${planPath}/risks/new`);
    await page.getByLabel('Risk', { exact: true }).fill('Timescales wait on other actions');
    await page.locator('#residualLikelihood').selectOption('5');
    await page.getByRole('button', { name: 'Save risk' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Enter the cause of the risk');
    expect(summary).toContain('Choose who owns the risk');
    await axe.check(page, 'risk form with errors');
  });

  it('shows recommendations coverage with the 41 proposals, and the wider implications on their page and the plan page', async () => {
    const page = await context.newPage();
    await visit(page, `${planPath}/recommendations`);
    expect(await page.locator('main').innerText()).toContain('3 recommendations, answered by 41 actions');
    expect(await page.getByRole('link', { name: /^\d Recommendation \d: The Council/ }).count()).toBe(3);
    await visit(page, `${planPath}/implications/edit`);
    await page.getByLabel('Financial').fill('A £200,000 contingency budget for 2017/18 onwards.');
    await page.getByLabel('Amount in pounds (optional)').fill('200000');
    await page.getByRole('button', { name: 'Save wider implications' }).click();
    expect(await page.locator('main').innerText()).toContain('Amount: £200,000');
    await axe.check(page, 'implications');
    await visit(page, planPath);
    await page.locator('summary', { hasText: 'Wider implications' }).click();
    expect(await page.locator('details', { hasText: 'Wider implications' }).innerText()).toContain('Amount: £200,000');
    await axe.check(page, 'plan page with its wider implications open');
  });
});
