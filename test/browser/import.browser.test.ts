import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAxeChecker, launchBrowser } from '../support/browser.ts';
import { startLiveApp } from '../support/live-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createUser, TEST_PASSWORD } from '../factories/factories.ts';
import { seedPath } from '../../src/imports/interpret/test-seeds.ts';

let live: TestApp & { baseUrl: string };
let browser: Browser;
let axe: Awaited<ReturnType<typeof createAxeChecker>>;
const contexts: BrowserContext[] = [];
const folder = mkdtempSync(path.join(tmpdir(), 'waymark-import-'));

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

/** A browser (with or without JavaScript) signed in through the real sign-in page as a new administrator. */
async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
  const { user } = await createUser(live.database.db, { roles: ['admin'] });
  const context = await browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${live.baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect(new URL(page.url()).pathname).toBe('/plans');
  return page;
}

async function upload(page: Page, file: string) {
  await page.goto(`${live.baseUrl}/imports/new`);
  await axe.check(page, 'import upload');
  await page.getByLabel('Your plan').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and check' }).click();
}

describe('importing a plan, without JavaScript', () => {
  it('shows what it understood of seed 004, saves it on confirmation, and names the file it cannot read', async () => {
    const page = await signedIn(false);
    const junk = path.join(folder, 'minutes.docx');
    writeFileSync(junk, Buffer.from('GIF89a this is a picture, not a Word document'));
    await upload(page, junk);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('minutes.docx');
    await axe.check(page, 'import upload with an error');

    await upload(page, seedPath('004'));
    expect(new URL(page.url()).pathname).toMatch(/^\/imports\/[0-9a-f-]{36}$/);
    await axe.check(page, 'import preview');
    const preview = await page.locator('main').innerText();
    expect(preview).toContain('Hold an Executive Awayday');
    await page.getByRole('button', { name: 'Confirm and save the plan' }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/plans\/[0-9a-f-]{36}$/);
    await axe.check(page, 'imported plan');
    expect(await page.locator('main').innerText()).toContain('Hold an Executive Awayday');
  });
});

describe('importing a big file, with JavaScript', () => {
  it('sends it in the background with a progress line, then shows the preview', async () => {
    const page = await signedIn(true);
    const big = path.join(folder, 'big-plan.csv');
    const rows = Array.from({ length: 4000 }, (_, i) => `${i + 1},Action ${i + 1} to improve the service for residents and partners,Officer ${i % 40},31/03/2027,On target`);
    writeFileSync(big, ['Ref,Action,Lead officer,Target date,Progress', ...rows].join('\r\n'));
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/imports') posts.push(request.resourceType());
    });
    await upload(page, big);
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    expect(posts).toEqual(['xhr']);
    await axe.check(page, 'preview of a big file');
    expect(await page.locator('main').innerText()).toContain('4000 actions');
  });
});
