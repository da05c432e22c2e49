import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createItem, createPerson, createPlan, createUser } from '../../../test/factories/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import { emptyMeasureForm } from '../../measures/measure-form.ts';
import { riskFormValues } from '../../risks/risk-form.ts';
import { implicationFormValues } from '../../implications/implication-form.ts';
import { storePack } from '../packs/pack-issue.ts';
import { allSections } from './report-request.ts';
import { reportSources } from '../reports-feature.ts';
import { reportRequest } from '../reports.test-support.ts';

let test: TestApp;
let actor: Actor;
let planId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  ({ actor } = await createUser(db, { roles: ['admin'] }));
  const plan = await createPlan(db, { organisationId: actor.organisationId, title: 'Corporate Improvement Plan', periodStart: '2025-04-01', periodEnd: '2026-03-31' });
  planId = plan.id;
  const finance = await createPerson(db, { organisationId: actor.organisationId, name: 'Head of Finance' });
  const hr = await createPerson(db, { organisationId: actor.organisationId, name: 'Head of HR' });
  const theme = await createItem(db, { planId, kind: 'section', title: 'Financial Resilience' });
  const outcome = await createItem(db, { planId, parentId: theme.id, kind: 'outcome', ref: '1.1', title: 'A balanced budget' });
  ids.outcome = outcome.id;
  for (const [position, [ref, lead]] of ([['1.1.1', finance.id], ['1.1.2', hr.id], ['1.1.3', finance.id]] as const).entries()) {
    ids[ref] = (await createItem(db, { planId, parentId: outcome.id, ref, title: `Action ${ref}`, position, targetText: 'March 2026', targetEnd: '2026-03-31', leadPersonIds: [lead] })).id;
  }
  ids.hr = hr.id;
  const revision = (ref: string, to: string, agreedAt: string) => ({
    organisation_id: actor.organisationId, plan_id: planId, item_id: ids[ref] ?? '', from_text: 'March 2026', to_text: to, reason: `Moved to ${to}`,
    agreed_by_name: 'Programme Board', agreed_at: agreedAt,
  });
  await db.insertInto('date_revisions').values([revision('1.1.1', 'May 2026', '2025-05-10T12:00:00Z'), revision('1.1.2', 'June 2026', '2025-08-10T12:00:00Z')]).execute();
});
afterAll(async () => test.close());

describe('a report for a reporting period', () => {
  it('is as at the period’s end, lists the dates revised in the period, and gives the meeting date', async () => {
    await test.services.cycles.createCycle(actor, planId, { name: 'Quarterly to Cabinet', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });
    const periods = await test.database.db.selectFrom('periods').where('plan_id', '=', planId).orderBy('period_start').selectAll().execute();
    const q2 = periods.find((period) => period.period_end === '2025-09-30');
    if (!q2) throw new Error(`no quarter ending 30 September: ${periods.map((p) => p.period_end).join(', ')}`);
    await test.services.cycles.addMeeting(actor, planId, q2.id, { name: 'Cabinet', date: '2025-10-21' });
    const { model } = await test.services.reports.build(actor, reportRequest(planId, { periodId: q2.id, audience: 'Cabinet' }));
    expect(model.asAt).toBe('2025-09-30');
    expect(model.periodLabel).toBe(q2.label);
    expect(model.exceptions.revisedDates.map((revision) => revision.ref)).toEqual(['1.1.2']);
    expect(model.coverDetails).toContainEqual({ label: 'Date of meeting', value: '21 October 2025' });
  });
});

describe('filters and several plans', () => {
  it('filters by lead officer', async () => {
    const { model } = await test.services.reports.build(actor, reportRequest(planId, { filters: { theme: null, leadPersonId: ids.hr ?? '', rag: null, status: null } }));
    expect(model.rows.map((row) => row.ref ?? row.title)).toEqual(['Financial Resilience', '1.1', '1.1.2']);
    expect(model.summary.total).toBe(1);
  });

  it('reports another plan alongside, each plan’s items themed by its title', async () => {
    const other = await createPlan(test.database.db, { organisationId: actor.organisationId, title: 'Housing Plan', periodStart: '2025-04-01' });
    await createItem(test.database.db, { planId: other.id, kind: 'section', title: 'Homes' });
    await createItem(test.database.db, { planId: other.id, ref: 'H1', title: 'Build homes' });
    const { model } = await test.services.reports.build(actor, reportRequest(planId, { otherPlanIds: [other.id] }));
    expect(model.planTitle).toBe('Corporate Improvement Plan; Housing Plan');
    expect(model.summary.total).toBe(4);
    expect(model.summary.byTheme.map((theme) => [theme.theme, theme.total])).toEqual([['Corporate Improvement Plan', 3], ['Housing Plan', 1]]);
  });

  it('refuses a plan of another organisation', async () => {
    const stranger = await createPlan(test.database.db, { title: 'Not ours' });
    await expect(test.services.reports.build(actor, reportRequest(planId, { otherPlanIds: [stranger.id] }))).rejects.toThrow('The plan was not found.');
  });
});

describe('appendices', () => {
  it('lists the plan’s measures and open risks from the measures feature', async () => {
    const measures = test.services.measures.measures;
    await measures.saveMeasure(actor, planId, null, 0, {
      ...emptyMeasureForm(), ref: 'M1', title: 'Council tax collected', itemId: ids.outcome ?? '', unit: 'percent', baseline: '96', targets: {},
    });
    const owner = await createPerson(test.database.db, { organisationId: actor.organisationId, name: 'Chief Executive' });
    await test.services.measures.risks.saveRisk(actor, planId, null, 0, riskFormValues({
      ref: 'R1', title: 'Budget gap exceeds reserves', cause: 'Inflation', effect: 'Cuts to services', owner: owner.id,
      inherentLikelihood: '4', inherentImpact: '5', residualLikelihood: '3', residualImpact: '4', controls: 'Monthly monitoring', reviewFrequency: 'monthly',
    }));
    const { model } = await test.services.reports.build(actor, reportRequest(planId), reportSources(test.services));
    expect(model.measures).toEqual([expect.objectContaining({ name: 'M1 Council tax collected', baseline: '96%' })]);
    expect(model.risks).toEqual([expect.objectContaining({ ref: 'R1', title: 'Budget gap exceeds reserves', owner: 'Chief Executive' })]);
    expect(model.risks[0]?.inherent).toContain('4 × 5 = 20');
    const without = await test.services.reports.build(actor, reportRequest(planId, { sections: { cover: true, summary: true, exceptions: true, changes: true, fullTable: true, implications: true, measures: false, risks: false } }), reportSources(test.services));
    expect(without.model.measures).toEqual([]);
  });
});

describe('wider implications', () => {
  const save = (form: Record<string, string>) => test.services.measures.implications.save(actor, planId, implicationFormValues(form));

  it('are in the model with their headings and amount, in the usual order, and left out when not chosen', async () => {
    await save({ legal: 'Powers under the Local Government Act 2000.', financial: 'A £200,000 contingency budget.', financialAmount: '200000', otherHeading: 'Health and safety', other: 'None.' });
    const { model } = await test.services.reports.build(actor, reportRequest(planId), reportSources(test.services));
    expect(model.sections.implications).toBe(true);
    expect(model.implications).toEqual([
      { category: 'financial', heading: 'Financial', text: 'A £200,000 contingency budget.', amount: 200000 },
      { category: 'legal', heading: 'Legal', text: 'Powers under the Local Government Act 2000.', amount: null },
      { category: 'other', heading: 'Other: Health and safety', text: 'None.', amount: null },
    ]);
    const unticked = await test.services.reports.build(actor, reportRequest(planId, { sections: { ...allSections, implications: false } }), reportSources(test.services));
    expect(unticked.model.implications).toEqual([]);
  });

  it('stay in an issued pack as they were when it was issued', async () => {
    await save({ risk: 'The Programme Board will monitor the risk register monthly.' });
    const request = reportRequest(planId);
    const built = await test.services.reports.build(actor, request, reportSources(test.services));
    const packId = await storePack(test.database.db, actor, built, request, { title: 'Cabinet, October', note: null });
    await save({ risk: 'Changed after the pack was issued.' });
    const { pack } = await test.services.reports.packs.getPack(actor, planId, packId);
    expect(pack.model.implications).toEqual([{ category: 'risk', heading: 'Risk', text: 'The Programme Board will monitor the risk register monthly.', amount: null }]);
  });

  it('are left out of reports from a template saved before the part existed', async () => {
    const template = await test.database.db.insertInto('report_templates').values({
      organisation_id: actor.organisationId, name: 'Older template', title: 'Progress report', introduction: '', columns: JSON.stringify([]),
      sections: JSON.stringify({ cover: true, summary: true, exceptions: true, changes: true, fullTable: true, measures: true, risks: true }),
      updated_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    const { model } = await test.services.reports.build(actor, reportRequest(planId, { templateId: template.id }), reportSources(test.services));
    expect(model.sections.implications).toBe(false);
    expect(model.implications).toEqual([]);
  });
});
