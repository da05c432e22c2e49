import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createItem, createPerson, createPlan, createUser } from '../../../test/factories/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import { InvalidFields } from '../../errors.ts';
import { importSeed004, reportRequest, seed004Statuses } from '../reports.test-support.ts';

let test: TestApp;
let actor: Actor;
let planId: string;
beforeAll(async () => {
  test = await createTestApp();
  ({ actor } = await createUser(test.database.db, { roles: ['admin'] }));
  planId = await importSeed004(test.services, actor);
});
afterAll(async () => test.close());

const build = (over: Parameters<typeof reportRequest>[1] = {}) => test.services.reports.build(actor, reportRequest(planId, over));

async function refusal(promise: Promise<unknown>): Promise<InvalidFields> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidFields);
  return error as InvalidFields;
}

describe('the report model of seed 004 with its progress', () => {
  it('counts the actions by status and lists the revised dates as exceptions', async () => {
    const { model } = await build();
    expect(model.summary.total).toBe(27);
    const byStatus = Object.fromEntries(model.summary.byStatus.map((entry) => [entry.status, entry.count]));
    expect(byStatus).toEqual({ Achieved: 12, 'On target': 11, 'Not started': 2, Revised: 1, 'Achieved and more planned': 1 });
    expect(model.exceptions.revisedDates.map((r) => [r.ref, r.to])).toEqual([['21', 'November 2013'], ['25', 'December 2013']]);
    const revised25 = model.exceptions.revisedDates.find((r) => r.ref === '25');
    expect(revised25?.reason).toBe('Revised Completion Date from Autumn 2013 to December 2013.');
    expect(revised25?.from).toBe('Autumn 2013');
    expect(revised25?.agreedBy).toMatch(/^Imported from 004_/);
    expect(model.exceptions.redAmber.map((row) => row.ref)).toContain('25');
  });

  it('gives every action its ref, lead and status in the plan’s order, themed by section', async () => {
    const { model } = await build();
    const actions = model.rows.filter((row) => row.kind === 'action');
    expect(actions.map((row) => row.ref)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    for (const row of actions) expect(row.status, `action ${row.ref}`).toBe(seed004Statuses[row.ref ?? '']);
    expect(actions[1]?.leads).toEqual(['Leader of the Council']);
    expect(actions[0]?.theme).toBe('Community Leadership');
    expect(model.columns.map((col) => col.label)).toEqual(['Ref', 'Action', 'Lead officer', 'Target date', 'Status', 'RAG', 'Progress']);
    expect(actions.find((row) => row.ref === '25')?.cells.target).toBe('December 2013 (revised from Autumn 2013)');
  });

  it('filters to a theme, a status or a RAG rating, keeping the headings above the actions', async () => {
    const { model } = await build({ filters: { theme: 'Scrutiny', leadPersonId: null, rag: null, status: null } });
    expect(model.rows.every((row) => row.theme === 'Scrutiny')).toBe(true);
    expect(model.rows[0]?.kind).toBe('section');
    const notStarted = await build({ filters: { theme: null, leadPersonId: null, rag: null, status: 'not started' } });
    expect(notStarted.model.rows.filter((row) => row.kind === 'action').map((row) => row.ref)).toEqual(['20', '26']);
    const amber = await build({ filters: { theme: null, leadPersonId: null, rag: 'amber', status: null } });
    expect(amber.model.summary.total).toBe(1);
  });
});

describe('bad input gives a clear message and no report', () => {
  it('refuses a date before the plan existed, naming the earliest date', async () => {
    const error = await refusal(build({ asAt: '2013-09-30' }));
    expect(error.issues[0]?.path).toBe('asAt');
    expect(error.message).toContain(`on or after ${format(new Date(), 'd MMMM yyyy')}`);
  });

  it('refuses a date before a plan’s period began, naming its start', async () => {
    const plan = await createPlan(test.database.db, { organisationId: actor.organisationId, periodStart: '2025-04-01' });
    await createItem(test.database.db, { planId: plan.id, ref: '1', title: 'Do something' });
    const error = await refusal(test.services.reports.build(actor, reportRequest(plan.id, { asAt: '2025-03-31' })));
    expect(error.message).toContain('on or after 1 April 2025');
    const { model } = await test.services.reports.build(actor, reportRequest(plan.id, { asAt: '2025-04-01' }));
    expect(model.asAt).toBe('2025-04-01');
  });

  it('refuses filters that match nothing', async () => {
    const error = await refusal(build({ filters: { theme: 'Scrutiny', leadPersonId: null, rag: 'red', status: 'Achieved' } }));
    expect(error.message).toBe('No actions match the filters you chose: change or clear the filters');
  });

  it('refuses a template naming a column the plan does not have, naming it', async () => {
    const template = await test.services.reports.templates.create(actor, {
      name: 'Cabinet with priorities', title: 'Improvement Plan progress', introduction: '', columns: 'Ref\nAction\nLink to Council Priority\nBudget code',
      sections: ['summary', 'fullTable'], defaultAudience: 'Cabinet', logoAlt: '', removeLogo: false, version: '0',
    });
    const error = await refusal(build({ templateId: template.id }));
    expect(error.issues[0]?.path).toBe('template');
    expect(error.message).toContain('“Budget code”');
    expect(error.message).not.toContain('Link to Council Priority');
  });
});

describe('a template', () => {
  it('sets the title, introduction, parts and the plan’s own columns', async () => {
    const template = await test.services.reports.templates.create(actor, {
      name: 'Scrutiny', title: 'Peer Challenge Improvement Plan', introduction: 'Progress on {plan} to {date}.\n\nFor {audience}.',
      columns: 'Ref\nAction\nLink to Council Priority\nLead officer(s)\nStatus', sections: ['cover', 'summary', 'fullTable'],
      defaultAudience: 'Overview and Scrutiny Committee', logoAlt: '', removeLogo: false, version: '0',
    });
    const { model } = await build({ templateId: template.id, audience: '' });
    expect(model.title).toBe('Peer Challenge Improvement Plan');
    expect(model.audience).toBe('Overview and Scrutiny Committee');
    expect(model.introduction).toHaveLength(2);
    expect(model.introduction[1]).toBe('For Overview and Scrutiny Committee.');
    expect(model.columns.map((col) => col.key)).toEqual(['ref', 'title', 'custom:Link to Council Priority', 'leads', 'status']);
    expect(model.rows.find((row) => row.ref === '26')?.cells['custom:Link to Council Priority']).toBe('PLACE');
    expect(model.sections).toMatchObject({ cover: true, summary: true, exceptions: false, fullTable: true });
  });
});

describe('as at a past date', () => {
  it('leaves out updates approved and dates revised later', async () => {
    const db = test.database.db;
    const plan = await createPlan(db, { organisationId: actor.organisationId, periodStart: '2025-04-01' });
    const lead = await createPerson(db, { organisationId: actor.organisationId, name: 'Head of Finance' });
    const item = await createItem(db, { planId: plan.id, ref: '1.1', title: 'Balance the budget', targetText: 'March 2026', targetStart: '2026-03-01', targetEnd: '2026-03-31', leadPersonIds: [lead.id] });
    const update = (status: string, rag: 'green' | 'amber', at: string) => ({
      organisation_id: actor.organisationId, plan_id: plan.id, item_id: item.id, state: 'approved' as const, as_of: at.slice(0, 10),
      status, rag_proposed: rag, rag_confirmed: rag, narrative: `${status} at ${at}`, author_name: 'Lead', reviewer_name: 'Reviewer',
      submitted_at: at, reviewed_at: at, updated_at: at,
    });
    await db.insertInto('updates').values([update('On target', 'green', '2025-06-30T12:00:00Z'), update('At risk', 'amber', '2025-09-30T12:00:00Z')]).execute();
    await db.insertInto('date_revisions').values({
      organisation_id: actor.organisationId, plan_id: plan.id, item_id: item.id, from_text: 'March 2026', from_end: '2026-03-31', to_text: 'June 2026',
      to_end: '2026-06-30', reason: 'Waiting for the settlement', agreed_by_name: 'Programme Board', agreed_at: '2025-09-30T12:00:00Z',
    }).execute();
    const then = await test.services.reports.build(actor, reportRequest(plan.id, { asAt: '2025-07-31' }));
    expect(then.model.rows.find((row) => row.ref === '1.1')).toMatchObject({ status: 'On target', rag: 'green', revisedTarget: null, leads: ['Head of Finance'] });
    expect(then.model.exceptions.revisedDates).toEqual([]);
    const now = await test.services.reports.build(actor, reportRequest(plan.id, { asAt: '2025-10-01' }));
    expect(now.model.rows.find((row) => row.ref === '1.1')).toMatchObject({ status: 'At risk', rag: 'amber', revisedTarget: 'June 2026' });
    expect(now.model.exceptions.revisedDates).toEqual([
      { ref: '1.1', title: 'Balance the budget', from: 'March 2026', to: 'June 2026', reason: 'Waiting for the settlement', agreedBy: 'Programme Board', agreedOn: '2025-09-30' },
    ]);
  });
});
