import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

/** A lead of two actions in a plan with April–March quarters, updates due 10 days after each quarter ends. */
async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['admin', 'reviewer'], name: 'Rita Reviewer' });
  const lead = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'], name: 'Lee Lead' });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id, periodStart: '2025-04-01', periodEnd: '2026-03-31' });
  const answered = await createItem(db, { planId: plan.id, ref: '1', title: 'Answered for April to June', leadPersonIds: [lead.person!.id] });
  await createItem(db, { planId: plan.id, ref: '2', title: 'Never answered', leadPersonIds: [lead.person!.id] });
  await test.services.cycles.createCycle(owner.actor, plan.id, { name: 'Quarterly', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });
  const q1 = await db.selectFrom('periods').where('plan_id', '=', plan.id).orderBy('period_start').select(['id', 'label']).executeTakeFirstOrThrow();
  const when = new Date('2025-07-04T10:00:00Z');
  await db
    .insertInto('updates')
    .values({
      organisation_id: plan.organisation_id, plan_id: plan.id, item_id: answered.id, period_id: q1.id, state: 'approved', as_of: '2025-07-04', status: 'On target',
      rag_proposed: 'green', rag_confirmed: 'green', direction: 'same', narrative: 'Done for the quarter.', author_name: 'Lee Lead', submitted_at: when, reviewed_at: when, updated_at: when,
    })
    .execute();
  const list = (today: string) => test.services.myActions.list(lead.actor, today);
  const refs = (rows: { ref: string | null; periodLabel: string | null; dueDate: string | null }[]) => rows.map((r) => `${r.ref} ${r.periodLabel} due ${r.dueDate}`);
  return { list, refs };
}

describe('my actions', () => {
  it('in early July asks for the April–June update, which is not yet overdue', async () => {
    const { list, refs } = await setting();
    const early = await list('2025-07-05');
    expect(refs(early.due)).toEqual(['2 Quarter 1 2025/26 due 2025-07-10']);
    expect(refs(early.upToDate)).toEqual(['1 Quarter 1 2025/26 due 2025-07-10']);
    expect(early.overdue).toEqual([]);
  });

  it('after the due date lists the missed update as overdue and the answered action as due for the next quarter', async () => {
    const { list, refs } = await setting();
    const late = await list('2025-07-15');
    expect(refs(late.overdue)).toEqual(['2 Quarter 1 2025/26 due 2025-07-10']);
    expect(refs(late.due)).toEqual(['1 Quarter 2 2025/26 due 2025-10-10']);
  });

  it('stops calling a missed update overdue when the reminders stop chasing it', async () => {
    const { list, refs } = await setting();
    const later = await list('2025-09-01');
    expect(later.overdue).toEqual([]);
    expect(refs(later.due)).toEqual(['1 Quarter 2 2025/26 due 2025-10-10', '2 Quarter 2 2025/26 due 2025-10-10']);
  });
});
