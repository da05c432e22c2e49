import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';
import { svgElements } from '../timeline/domain/svg-elements.test-support.ts';
import { AppError, InvalidFields } from '../errors.ts';
import { emptyMeasureForm, type MeasureFormValues } from './measure-form.ts';
import { loadMeasurePeriods } from './measure-plan-data.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const staffMeasure = (values: Partial<MeasureFormValues> = {}): MeasureFormValues => ({
  ...emptyMeasureForm(),
  ref: '10.1',
  title: 'Percentage of staff who understand the Council’s priorities',
  unit: 'percent',
  baseline: '40',
  thresholdBasis: 'absolute',
  amber: '1',
  red: '5',
  targets: { '2025-Q1': '60', '2025-Q2': '70', '2025-Q3': '80', '2025-Q4': '90' },
  ...values,
});

async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['admin'], name: 'Olive Owner' });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id, periodStart: '2025-04-01', periodEnd: '2026-03-31' });
  return { db, owner, plan, measures: test.services.measures.measures };
}

const errorOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InvalidFields);
  return (error as InvalidFields).issues;
};

describe('a measure with a baseline, targets and four quarterly actuals', () => {
  it('gives the right RAG and trend, and its chart has the four points with the same figures in the table', async () => {
    const { owner, plan, measures } = await setting();
    const created = await measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure());
    for (const [period, value] of [['2025-Q1', '55'], ['2025-Q2', '68'], ['2025-Q3', '79'], ['2025-Q4', '88%']]) {
      await measures.enterActual(owner.actor, plan.id, created.id, { period: period as string, value: value as string, updateId: '' });
    }
    const [row] = await test.services.measures.measuresFor(owner.actor, plan.id);
    expect(row).toMatchObject({ ref: '10.1', baseline: '40%', latest: '88%', latestPeriod: 'Q4 2025/26', target: '90%', rag: 'amber', trend: 'improving' });

    const page = await measures.measurePage(owner.actor, plan.id, created.id);
    const circles = svgElements(page.svg).filter((element) => element.name === 'circle');
    expect(circles).toHaveLength(4);
    expect(page.tableRows.map((tableRow) => [tableRow.periodLabel, tableRow.target, tableRow.actual, tableRow.ragLabel, tableRow.enteredBy])).toEqual([
      ['Q1 2025/26', '60%', '55%', 'Amber', 'Olive Owner'],
      ['Q2 2025/26', '70%', '68%', 'Amber', 'Olive Owner'],
      ['Q3 2025/26', '80%', '79%', 'Green', 'Olive Owner'],
      ['Q4 2025/26', '90%', '88%', 'Amber', 'Olive Owner'],
    ]);
  });

  it('replaces an actual entered again for the same period', async () => {
    const { owner, plan, measures, db } = await setting();
    const created = await measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure());
    await measures.enterActual(owner.actor, plan.id, created.id, { period: '2025-Q1', value: '50', updateId: '' });
    await measures.enterActual(owner.actor, plan.id, created.id, { period: '2025-Q1', value: '61', updateId: '' });
    const values = await db.selectFrom('measure_values').where('measure_id', '=', created.id).select(['period_key', 'value']).execute();
    expect(values).toEqual([{ period_key: '2025-Q1', value: 61 }]);
    expect((await measures.measureOf(owner.actor, plan.id, created.id)).actuals).toEqual([{ periodKey: '2025-Q1', value: 61 }]);
  });
});

describe('bad input', () => {
  it('refuses a target of the wrong type for the unit, naming the period and the value, and saves nothing', async () => {
    const { owner, plan, measures, db } = await setting();
    const issues = await errorOf(measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure({ targets: { '2025-Q1': 'abc', '2025-Q2': '140' } })));
    expect(issues).toEqual([
      { path: 'target-2025-Q1', message: 'Target for Q1 2025/26 must be a percentage from 0 to 100, not "abc"' },
      { path: 'target-2025-Q2', message: 'Target for Q2 2025/26 must be a percentage from 0 to 100, not "140"' },
    ]);
    expect(await db.selectFrom('measures').where('plan_id', '=', plan.id).selectAll().execute()).toHaveLength(0);
  });

  it('refuses an actual for a period outside the plan, and one of the wrong type, saving nothing', async () => {
    const { owner, plan, measures, db } = await setting();
    const created = await measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure());
    expect(await errorOf(measures.enterActual(owner.actor, plan.id, created.id, { period: '2027-Q1', value: '50', updateId: '' }))).toEqual([
      { path: 'period', message: 'Actual for 2027-Q1 is for a period outside the plan (Q1 2025/26 to Q4 2025/26)' },
    ]);
    expect(await errorOf(measures.enterActual(owner.actor, plan.id, created.id, { period: '2025-Q2', value: 'lots', updateId: '' }))).toEqual([
      { path: 'value', message: 'Actual for Q2 2025/26 must be a percentage from 0 to 100, not "lots"' },
    ]);
    expect(await db.selectFrom('measure_values').where('measure_id', '=', created.id).selectAll().execute()).toHaveLength(0);
  });

  it('refuses to change the unit when the actuals recorded no longer fit it', async () => {
    const { owner, plan, measures } = await setting();
    const created = await measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure({ unit: 'number', targets: {} }));
    await measures.enterActual(owner.actor, plan.id, created.id, { period: '2025-Q1', value: '150', updateId: '' });
    const issues = await errorOf(measures.saveMeasure(owner.actor, plan.id, created.id, created.version, staffMeasure({ targets: {} })));
    expect(issues.map((issue) => issue.path)).toEqual(['unit']);
    expect(issues[0]?.message).toContain('Actual for Q1 2025/26 must be a percentage from 0 to 100, not 150');
  });

  it('lets the lead of the linked outcome enter actuals, but not another lead', async () => {
    const { owner, plan, measures, db } = await setting();
    const lead = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'] });
    const other = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'] });
    const outcome = await createItem(db, { planId: plan.id, kind: 'outcome', ref: '10', title: 'Staff understand the priorities', leadPersonIds: [lead.person!.id] });
    const created = await measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure({ itemId: outcome.id }));
    await measures.enterActual(lead.actor, plan.id, created.id, { period: '2025-Q1', value: '55', updateId: '' });
    const refused = await measures.enterActual(other.actor, plan.id, created.id, { period: '2025-Q2', value: '60', updateId: '' }).catch((caught: unknown) => caught);
    expect((refused as AppError).status).toBe(403);
    const panel = await test.services.measures.itemPageData?.(lead.actor, plan, outcome);
    expect(panel?.panels).toEqual(['measures/views/item-measures.njk']);
    expect(JSON.stringify(panel?.measurePanel)).toContain('"latest":"55%"');
  });
});

describe('periods', () => {
  it('uses the plan’s quarterly reporting periods when it has a cycle, with the same keys', async () => {
    const { owner, plan } = await setting();
    await test.services.cycles.createCycle(owner.actor, plan.id, { name: 'Quarterly report to Cabinet', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });
    const fresh = await test.services.plans.getPlan(owner.actor, plan.id);
    const periods = await loadMeasurePeriods(test.database.db, fresh);
    expect(periods.map((period) => [period.key, period.label])).toEqual([
      ['2025-Q1', 'Quarter 1 2025/26'],
      ['2025-Q2', 'Quarter 2 2025/26'],
      ['2025-Q3', 'Quarter 3 2025/26'],
      ['2025-Q4', 'Quarter 4 2025/26'],
    ]);
  });
});

describe('importing actuals', () => {
  it('imports nothing when any row is wrong, listing each problem with its row', async () => {
    const { owner, plan, measures, db } = await setting();
    const created = await measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure());
    const csv = 'Measure,Period,Actual\n10.1,Q1 2025/26,55\n10.1,2027-Q1,60\nHousing units,Q2 2025/26,3\n10.1,Q3 2025/26,140\n';
    const issues = await errorOf(measures.importActuals(owner.actor, plan.id, 'actuals.csv', Buffer.from(csv)));
    expect(issues.map((issue) => issue.message)).toEqual([
      'Row 3: Actual for 2027-Q1 is for a period outside the plan (Q1 2025/26 to Q4 2025/26)',
      'Row 4: there is no measure called “Housing units” in this plan',
      'Row 5: Actual for Q3 2025/26 must be a percentage from 0 to 100, not "140"',
    ]);
    expect(await db.selectFrom('measure_values').where('measure_id', '=', created.id).selectAll().execute()).toHaveLength(0);
  });

  it('imports a CSV and an Excel workbook (by name, label, key or date; percentages as Excel formats them)', async () => {
    const { owner, plan, measures } = await setting();
    const created = await measures.saveMeasure(owner.actor, plan.id, null, 0, staffMeasure());
    const csv = 'percentage of staff who understand the council’s priorities;2025-Q1;55\n';
    expect(await measures.importActuals(owner.actor, plan.id, 'actuals.csv', Buffer.from(csv.replace(/;/g, ',')))).toEqual({ count: 1 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Actuals');
    sheet.addRow(['Ref', 'Period', 'Actual']);
    sheet.addRow(['10.1', 'Q2 2025/26', 68]);
    sheet.addRow(['10.1', new Date(Date.UTC(2025, 10, 15)), 0.79]).getCell(3).numFmt = '0%';
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await measures.importActuals(owner.actor, plan.id, 'actuals.xlsx', data)).toEqual({ count: 2 });
    const measure = await measures.measureOf(owner.actor, plan.id, created.id);
    expect(measure.actuals).toEqual([
      { periodKey: '2025-Q1', value: 55 },
      { periodKey: '2025-Q2', value: 68 },
      { periodKey: '2025-Q3', value: 79 },
    ]);
  });
});
