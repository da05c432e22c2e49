import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Session, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const measureForm = (values: Record<string, string> = {}) => ({
  ref: '3.1',
  title: 'Units of affordable housing delivered',
  itemId: '',
  unit: 'count',
  polarity: 'higher_is_better',
  baseline: '120',
  thresholdBasis: 'percent',
  amber: '0',
  red: '10',
  'target-2025-Q4': '240',
  ...values,
});

/** A multipart body with one file, as a browser sends the import form. */
function multipart(session: Session, url: string, fileName: string, content: string) {
  const boundary = '----waymark-test-boundary';
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  return test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

async function setting() {
  const db = test.database.db;
  const admin = await createUser(db, { roles: ['admin'] });
  const viewer = await createUser(db, { organisationId: admin.actor.organisationId, roles: ['viewer'] });
  const plan = await createPlan(db, { organisationId: admin.actor.organisationId, periodStart: '2025-04-01', periodEnd: '2026-03-31' });
  return { db, admin, viewer, plan, session: await signInAs(test, admin.user) };
}

const countValues = async (planId: string) =>
  (await test.database.db.selectFrom('measure_values as v').innerJoin('measures as m', 'm.id', 'v.measure_id').where('m.plan_id', '=', planId).select('v.id').execute()).length;

describe('measures pages', () => {
  it('creates a measure, records an actual, and shows the chart with its table, the list and the item panel', async () => {
    const { db, plan, session } = await setting();
    const outcome = await createItem(db, { planId: plan.id, kind: 'outcome', ref: '3', title: 'Delivery of affordable housing target [240 units]' });
    const created = await session.post(`/plans/${plan.id}/measures/new`, measureForm({ itemId: outcome.id, 'target-2025-Q1': '80' }));
    expect(created.statusCode, created.body).toBe(303);
    const measureUrl = (created.headers.location as string).split('?')[0] as string;
    const actual = await session.post(`${measureUrl}/actuals`, { period: '2025-Q1', value: '60', updateId: '' });
    expect(actual.statusCode, actual.body).toBe(303);

    const page = await session.get(measureUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Q1 2025/26: 60, target 80');
    expect(page.body).toMatch(/<th scope="row" class="govuk-table__header">Q1 2025\/26<\/th>\s*<td class="govuk-table__cell">80<\/td>\s*<td class="govuk-table__cell">60/);
    const list = await session.get(`/plans/${plan.id}/measures`);
    expect(list.body).toContain('Units of affordable housing delivered');
    expect(list.body).toContain('>Red</strong>');
    const item = await session.get(`/plans/${plan.id}/items/${outcome.id}`);
    expect(item.body).toContain('Enter an actual');
  });

  it('re-renders the form with an error summary for a target of the wrong type, keeping what was typed, saving nothing', async () => {
    const { plan, session } = await setting();
    const response = await session.post(`/plans/${plan.id}/measures/new`, measureForm({ 'target-2025-Q4': '240.5', baseline: 'many' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Target for Q4 2025/26 must be a whole number, 0 or more, not &quot;240.5&quot;');
    expect(response.body).toContain('Baseline must be a whole number, 0 or more, not &quot;many&quot;');
    expect(response.body).toContain('href="#target-2025-Q4"');
    expect(response.body).toContain('>Units of affordable housing delivered</textarea>');
    expect(await test.database.db.selectFrom('measures').where('plan_id', '=', plan.id).selectAll().execute()).toHaveLength(0);
  });

  it('refuses an actual for a period outside the plan with a clear message, saving nothing', async () => {
    const { plan, session } = await setting();
    const created = await session.post(`/plans/${plan.id}/measures/new`, measureForm());
    const measureUrl = (created.headers.location as string).split('?')[0] as string;
    const response = await session.post(`${measureUrl}/actuals`, { period: '2027-Q1', value: '60' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Actual for 2027-Q1 is for a period outside the plan (Q1 2025/26 to Q4 2025/26)');
    expect(await countValues(plan.id)).toBe(0);
  });

  it('imports actuals from CSV all or nothing, listing the bad rows', async () => {
    const { plan, session } = await setting();
    await session.post(`/plans/${plan.id}/measures/new`, measureForm());
    const bad = await multipart(session, `/plans/${plan.id}/measures/import`, 'actuals.csv', 'Measure,Period,Actual\n3.1,Q1 2025/26,60\n3.1,Q2 2025/26,-4\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Row 3: Actual for Q2 2025/26 must be a whole number, 0 or more, not &quot;-4&quot;');
    expect(await countValues(plan.id)).toBe(0);
    const good = await multipart(session, `/plans/${plan.id}/measures/import`, 'actuals.csv', 'Measure,Period,Actual\n3.1,Q1 2025/26,60\n3.1,Q2 2025/26,64\n');
    expect(good.statusCode, good.body).toBe(303);
    expect(await countValues(plan.id)).toBe(2);
  });

  it('lets a viewer read but not change (403), and hides another organisation’s plan and measures (404)', async () => {
    const { plan, session, viewer } = await setting();
    const created = await session.post(`/plans/${plan.id}/measures/new`, measureForm());
    const measureUrl = (created.headers.location as string).split('?')[0] as string;
    const reader = await signInAs(test, viewer.user);
    expect((await reader.get(measureUrl)).statusCode).toBe(200);
    expect((await reader.post(`/plans/${plan.id}/measures/new`, measureForm({ ref: 'X' }))).statusCode).toBe(403);
    expect((await reader.post(`${measureUrl}/actuals`, { period: '2025-Q1', value: '1' })).statusCode).toBe(403);
    expect(await countValues(plan.id)).toBe(0);

    const stranger = await createUser(test.database.db, { organisationId: (await createOrganisation(test.database.db)).id, roles: ['admin'] });
    const outsider = await signInAs(test, stranger.user);
    for (const url of [`/plans/${plan.id}/measures`, measureUrl, `${measureUrl}/edit`, `/plans/${plan.id}/measures/import`]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    }
    expect((await outsider.post(`${measureUrl}/actuals`, { period: '2025-Q1', value: '1' })).statusCode).toBe(404);
    expect((await session.post(`/plans/${plan.id}/measures/new`, measureForm(), { csrf: 'wrong' })).statusCode).toBe(403);
  });
});
