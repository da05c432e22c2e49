import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addDays, addMonths, differenceInCalendarDays, endOfMonth, format, subDays, subMonths } from 'date-fns';
import { createAxeChecker, launchBrowser } from '../support/browser.ts';
import { startLiveApp } from '../support/live-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createItem, createPlan, createUser, TEST_PASSWORD } from '../factories/factories.ts';
import { startSmtpSink, type SmtpSink } from '../../src/reminders/smtp-sink.ts';
import { OVERDUE_WINDOW_DAYS } from '../../src/reminders/reminder-kinds.ts';

let live: TestApp & { baseUrl: string };
let sink: SmtpSink;
let browser: Browser;
let axe: Awaited<ReturnType<typeof createAxeChecker>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  live = await startLiveApp({ smtpUrl: sink.url });
  browser = await launchBrowser();
  axe = await createAxeChecker(browser, live.baseUrl);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await axe?.close();
  await browser?.close();
  await live?.close();
  await sink?.close();
});

/** A browser without JavaScript, signed in through the real sign-in page. */
async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect(new URL(page.url()).pathname).toBe('/plans');
  await axe.check(page, `signed in as ${email}`);
  return page;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(`${live.baseUrl}${path}`);
  expect(response?.status(), path).toBeLessThan(400);
  await axe.check(page, path);
}

const mainText = (page: Page) => page.locator('main').innerText();
const rowText = (page: Page, text: string) => page.locator('tr', { hasText: text }).first().innerText();

describe('the update cycle, without JavaScript', () => {
  it('takes an update from a lead through review to the plan page, the as-at view and the reminder e-mails', async () => {
    const db = live.database.db;
    const now = new Date();
    const rita = await createUser(db, { roles: ['plan_owner', 'reviewer'], name: 'Rita Reviewer', email: 'rita@thanet.example.gov.uk' });
    const organisationId = rita.actor.organisationId;
    const paul = await createUser(db, { organisationId, roles: ['lead'], name: 'Paul Smith', email: 'paul@thanet.example.gov.uk' });
    const plan = await createPlan(db, { organisationId, ownerUserId: rita.user.id, title: 'Thanet Improvement Plan', periodStart: format(subMonths(now, 3), 'yyyy-MM-01'), periodEnd: format(addMonths(now, 12), 'yyyy-MM-dd') });
    const target = endOfMonth(addMonths(now, 4));
    const engage = await createItem(db, { planId: plan.id, ref: '1.1', title: 'Engage consultants', position: 1, targetText: format(target, 'dd/MM/yy'), targetStart: format(target, 'yyyy-MM-dd'), targetEnd: format(target, 'yyyy-MM-dd'), leadPersonIds: [paul.person!.id] });
    const consult = await createItem(db, { planId: plan.id, ref: '1.2', title: 'Public consultation', position: 2, leadPersonIds: [paul.person!.id] });

    // The plan owner gives the plan a monthly cycle: updates due at the end of each month, reminders 5 days before.
    const reviewer = await signIn(rita.user.email);
    await visit(reviewer, `/plans/${plan.id}/cycles`);
    await reviewer.getByLabel('Name').fill('Monthly programme board');
    await reviewer.getByLabel('Monthly').check();
    await reviewer.getByLabel('Updates are due this many days after a period ends').fill('0');
    await reviewer.getByLabel('Remind leads this many days before updates are due').fill('5');
    await reviewer.getByRole('button', { name: 'Add cycle' }).click();
    expect(await mainText(reviewer)).toContain(`${format(now, 'MMMM yyyy')} Current`);
    await axe.check(reviewer, 'cycles');

    // The plan's update rules: a corrective action is needed on red (the default); an empty form is refused.
    await visit(reviewer, `/plans/${plan.id}/rules`);
    await reviewer.getByLabel('Statuses that mean complete').fill('');
    await reviewer.getByRole('button', { name: 'Save update rules' }).click();
    expect(await reviewer.locator('.govuk-error-summary').innerText()).toContain('Enter at least one status that means complete');
    await axe.check(reviewer, 'update rules with an error');

    // The lead sees both actions: last month's update overdue while reminders still chase it (28 days), else this
    // month's due. Then submits an amber update with a revised date and a reason.
    const lead = await signIn(paul.user.email);
    await visit(lead, '/my-actions');
    const lastMonthChased = differenceInCalendarDays(now, endOfMonth(subMonths(now, 1))) <= OVERDUE_WINDOW_DAYS;
    expect(await mainText(lead)).toContain(lastMonthChased ? 'Update overdue (2)' : 'Update due (2)');
    await lead.getByRole('link', { name: '1.1 Engage consultants' }).click();
    await axe.check(lead, 'update form');
    const revised = format(endOfMonth(addMonths(now, 7)), 'dd/MM/yyyy');
    await lead.getByLabel('At risk').check();
    await lead.getByLabel('Amber').check();
    await lead.getByLabel('Getting worse ↓').check();
    await lead.getByLabel('Progress this period').fill('The tender attracted one bid; we are re-advertising.');
    await lead.getByLabel('Revised target date', { exact: true }).fill(revised);
    await lead.getByLabel('Reason for the revised date').fill('Consultants appointed late');
    await lead.getByRole('button', { name: 'Submit for review' }).click();
    expect(await mainText(lead)).toContain('Awaiting review');
    await axe.check(lead, 'item after submitting');

    // The reviewer confirms it as red (the lead's amber is kept too).
    const review = async (decision: 'Approve' | 'Return to the lead', rag: string | null, comment: string | null) => {
      await visit(reviewer, '/reviews');
      await reviewer.getByRole('link', { name: '1.1 Engage consultants' }).click();
      await axe.check(reviewer, 'update to review');
      if (rag) await reviewer.getByLabel(rag, { exact: true }).check();
      await reviewer.getByLabel(decision).check();
      if (comment) await reviewer.getByLabel('Comment').fill(comment);
      await reviewer.getByRole('button', { name: 'Save review' }).click();
      await axe.check(reviewer, `item after ${decision}`);
    };
    await review('Approve', 'Red', null);
    expect(await mainText(reviewer)).toContain('(lead proposed Amber)');
    expect(await mainText(reviewer)).toMatch(/Revised from \d\d\/\d\d\/\d\d to \d\d\/\d\d\/\d\d: Consultants appointed late \(agreed by Rita Reviewer, \d+ \w+ \d{4}\)/);

    // The lead submits another update; the reviewer returns it with a comment.
    await visit(lead, `/plans/${plan.id}/items/${engage.id}/update`);
    await lead.getByLabel('On target').check();
    await lead.getByLabel('Green').check();
    await lead.getByRole('button', { name: 'Submit for review' }).click();
    await review('Return to the lead', null, 'Please say which consultants and when they start');
    await visit(lead, '/my-actions');
    expect(await rowText(lead, 'Engage consultants')).toContain('Please say which consultants and when they start');

    // The plan page shows the confirmed RAG, the direction and the slip count; the view as at yesterday does not.
    await visit(reviewer, `/plans/${plan.id}`);
    const today = await rowText(reviewer, 'Engage consultants');
    expect(today).toContain('Red');
    expect(today).toContain('At risk');
    expect(today).toContain('Getting worse ↓');
    expect(today).toContain('revised 1×');
    const yesterday = subDays(now, 1);
    await visit(reviewer, `/plans/${plan.id}?asAt=${format(yesterday, 'yyyy-MM-dd')}`);
    expect(await mainText(reviewer)).toContain(`Showing the plan as it was at the end of ${format(yesterday, 'd MMMM yyyy')}`);
    const before = await rowText(reviewer, 'Engage consultants');
    for (const later of ['Red', 'At risk', 'Getting worse', 'revised 1×']) expect(before).not.toContain(later);
    await reviewer.getByRole('link', { name: 'Show the plan as it is today' }).click();
    expect(await rowText(reviewer, 'Engage consultants')).toContain('revised 1×');
    await visit(reviewer, `/plans/${plan.id}?asAt=2026-02-30`);
    expect(await reviewer.locator('.govuk-error-summary').innerText()).toContain('Enter a real date to view the plan as at');

    // Reminders: 1.1 has its update for this period; 1.2 has none, so its lead is reminded and the owner told.
    const due = endOfMonth(now);
    const beforeDue = await live.services.reminders.runOnce(subDays(due, 2));
    expect(beforeDue.map((s) => [s.to, s.subject])).toEqual([[paul.user.email, `Update due ${format(due, 'd MMMM yyyy')}: 1.2 Public consultation`]]);
    expect(await live.services.reminders.runOnce(subDays(due, 1))).toEqual([]);
    await live.services.reminders.runOnce(addDays(due, 1));
    const mail = await sink.waitFor(3);
    expect(mail.map((m) => [m.to[0], m.subject])).toEqual([
      [paul.user.email, `Update due ${format(due, 'd MMMM yyyy')}: 1.2 Public consultation`],
      [paul.user.email, `Update overdue (due ${format(due, 'd MMMM yyyy')}): 1.2 Public consultation`],
      [rita.user.email, `Missing updates (due ${format(due, 'd MMMM yyyy')}): 1 action in Thanet Improvement Plan`],
    ]);
    expect(mail[0]?.text).toContain(`/plans/${plan.id}/items/${consult.id}/update`);
    expect(mail[2]?.text).toContain('- 1.2 Public consultation (lead: Paul Smith)');

    // The lead fills in the plan's update sheet and uploads it: a preview first, then a draft.
    await visit(lead, `/plans/${plan.id}/update-sheet`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await live.services.reminders.sheets.planSheet(paul.actor, plan.id)).data as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Thanet Improvement Plan')!;
    expect(sheet.getCell('A3').value).toBe('1.2');
    sheet.getCell('E3').value = 'On target';
    sheet.getCell('I3').value = 'Drop-in sessions booked for every ward.';
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'waymark-')), 'update-sheet.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await lead.getByLabel('Filled-in update sheet').setInputFiles(file);
    await lead.getByRole('button', { name: 'Upload and check' }).click();
    expect(await mainText(lead)).toContain('Draft updates to be saved (1)');
    await axe.check(lead, 'update sheet preview');
    await lead.getByRole('button', { name: 'Save 1 draft update' }).click();
    expect(await mainText(lead)).toContain('1 draft update saved');
    await axe.check(lead, 'update sheet saved');
  });
});
