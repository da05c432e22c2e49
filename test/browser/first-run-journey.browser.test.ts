import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAxeChecker, launchBrowser } from '../support/browser.ts';
import { startLiveApp } from '../support/live-app.ts';
import type { TestApp } from '../support/test-app.ts';

let live: TestApp & { baseUrl: string };
let browser: Browser;
let axe: Awaited<ReturnType<typeof createAxeChecker>>;
const expectNoAxeViolations = (page: Page, label?: string) => axe.check(page, label);

beforeAll(async () => {
  live = await startLiveApp();
  browser = await launchBrowser();
  axe = await createAxeChecker(browser, live.baseUrl);
});
afterAll(async () => {
  await axe?.close();
  await browser?.close();
  await live?.close();
});

async function visit(page: Page, path: string) {
  const response = await page.goto(`${live.baseUrl}${path}`);
  expect(response?.status(), path).toBeLessThan(400);
  await expectNoAxeViolations(page, path);
}

describe('first run, without JavaScript', () => {
  it('creates the administrator from the one-time link, then a plan with items that show on the plan page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const token = await live.services.setup.currentToken();
    expect(token).toBeTruthy();

    await visit(page, '/');
    await visit(page, `/setup?token=${token}`);
    await page.getByRole('button', { name: 'Create organisation and administrator' }).click();
    expect(page.locator('.govuk-error-summary')).toBeDefined();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the name of your organisation');
    await expectNoAxeViolations(page, 'setup with errors');

    await page.getByLabel('Organisation name').fill('Thanet District Council');
    await page.getByLabel('Your full name').fill('Ada Officer');
    await page.getByLabel('Your email address').fill('ada@thanet.gov.uk');
    await page.getByLabel('Create a password').fill('a long enough password');
    await page.getByLabel('Confirm password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create organisation and administrator' }).click();
    expect(page.url()).toContain('/welcome');
    await expectNoAxeViolations(page, 'welcome');

    await visit(page, '/people/new');
    await page.getByLabel('Name', { exact: true }).fill('Paul Smith');
    await page.getByLabel('Initials (optional)').fill('PS');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectNoAxeViolations(page, 'people');

    await visit(page, '/plans');
    await visit(page, '/plans/new');
    await page.getByLabel('Title').fill('Improvement Plan 2025/26');
    await page.getByLabel('Peer challenge').check();
    await page.getByLabel('Live').check();
    await page.getByRole('button', { name: 'Save plan' }).click();
    const planUrl = page.url();
    await expectNoAxeViolations(page, 'empty plan');

    const addItem = async (kind: string, ref: string, title: string, parent: string | null, extra: (p: Page) => Promise<void> = async () => {}) => {
      await page.goto(`${planUrl}/items/new`);
      if (parent) await page.getByLabel('Where does it belong?').selectOption({ label: parent });
      await page.getByLabel(kind, { exact: true }).check();
      await page.getByLabel('Reference (optional)').fill(ref);
      await page.getByLabel('Title', { exact: true }).fill(title);
      await extra(page);
      await page.getByRole('button', { name: 'Save item' }).click();
      await expectNoAxeViolations(page, `item ${ref}`);
    };
    await visit(page, `${new URL(planUrl).pathname}/items/new`);
    await addItem('Section', 'CP1', 'Town Centre', null);
    await addItem('Outcome', '1', 'Regeneration of the town centre', 'CP1 Town Centre');
    await addItem('Action', '1.1', 'Engage consultants to commence work', '— 1 Regeneration of the town centre', async (p) => {
      await p.getByLabel('Paul Smith').check();
      await p.getByLabel('Target date (optional)').fill('Q3 2025/26');
    });
    await addItem('Action', '1.2', 'Public and trader consultation', '— 1 Regeneration of the town centre', async (p) => {
      await p.getByLabel('Paul Smith').check();
      await p.getByLabel('Target date (optional)').fill('Ongoing');
    });
    expect(await page.locator('main').innerText()).toContain('Ongoing');

    await visit(page, new URL(planUrl).pathname);
    const text = await page.locator('main').innerText();
    for (const expected of ['Town Centre', 'Regeneration of the town centre', 'Engage consultants to commence work', 'Public and trader consultation', 'Q3 2025/26', 'Ongoing', 'Paul Smith']) {
      expect(text).toContain(expected);
    }
    await visit(page, `${new URL(planUrl).pathname}?q=consult&overdue=`);
    await visit(page, '/users');
    await visit(page, '/users/invite');
    await visit(page, '/organisation');
    await visit(page, '/accessibility');
    await context.close();
  });
});
