import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';
import type { UpdateForm } from '../updates/update-form.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const update = (values: Partial<UpdateForm>): UpdateForm => ({
  status: 'On target',
  ragProposed: 'amber',
  direction: null,
  percentComplete: null,
  narrative: 'Work continues.',
  correctiveAction: null,
  revisedTargetText: null,
  revisionReason: null,
  intent: 'submit',
  ...values,
});

async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['admin', 'reviewer'], name: 'Rita Reviewer' });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id });
  const item = async (ref: string, months: string[], targetEnd: string | null) => {
    const created = await createItem(db, { planId: plan.id, ref, title: `Action ${ref}`, targetText: targetEnd, targetEnd });
    await db.updateTable('items').set({ planned_months: months }).where('id', '=', created.id).execute();
    return created;
  };
  const predecessor = await item('1.2', ['2025-04', '2025-05', '2025-06'], '2025-06-30');
  const dependent = await item('1.3', ['2025-07', '2025-08', '2025-09'], '2025-09-30');
  const next = await item('1.4', ['2025-10', '2025-11'], '2025-11-30');
  await test.services.relations.addRelation(owner.actor, plan.id, dependent.id, { type: 'depends_on', toItemId: predecessor.id, lagDays: 0 });
  await test.services.relations.addRelation(owner.actor, plan.id, next.id, { type: 'depends_on', toItemId: dependent.id, lagDays: 0 });
  return { owner, plan, predecessor, dependent, next };
}

async function agree(actor: Parameters<typeof test.services.updates.review>[0], planId: string, itemId: string, form: Partial<UpdateForm>) {
  const submitted = await test.services.updates.saveUpdate(actor, planId, itemId, update(form));
  await test.services.updates.review(actor, submitted.id, { decision: 'approve', ragConfirmed: null, comment: null });
}

describe('the knock-on of a slip', () => {
  it('flags the dependents once a revised date is agreed, and the suggested RAG says why', async () => {
    const { owner, plan, predecessor, dependent, next } = await setting();
    expect(await test.services.relations.knockOnReasons(owner.actor, plan.id)).toEqual(new Map());

    await agree(owner.actor, plan.id, predecessor.id, { revisedTargetText: '31/08/2025', revisionReason: 'Consultation extended' });
    const reasons = await test.services.relations.knockOnReasons(owner.actor, plan.id);
    expect(reasons.get(dependent.id)).toBe("At risk from 1.2: its revised date 31/08/2025 is 61 days after this action's start");
    expect(reasons.get(next.id)).toBe("At risk from 1.2 via 1.3: 1.3 is now expected to finish 30/11/2025, 60 days after this action's start");
    expect(reasons.has(predecessor.id)).toBe(false);

    const statuses = await test.services.status.statuses(owner.actor, plan.id, new Date('2025-07-15T12:00:00Z'), { knockOn: reasons });
    expect(statuses.get(dependent.id)).toMatchObject({ rag: 'amber', suggested: true, reason: reasons.get(dependent.id) });
  });

  it('stops flagging once the predecessor is reported complete', async () => {
    const { owner, plan, predecessor, dependent } = await setting();
    await agree(owner.actor, plan.id, predecessor.id, { revisedTargetText: '31/08/2025', revisionReason: 'Late start' });
    expect((await test.services.relations.knockOnReasons(owner.actor, plan.id)).has(dependent.id)).toBe(true);
    await agree(owner.actor, plan.id, predecessor.id, { status: 'Completed', ragProposed: 'blue' });
    expect(await test.services.relations.knockOnReasons(owner.actor, plan.id)).toEqual(new Map());
  });

  it('lists the knock-on for the plan owner, nearest the source first', async () => {
    const { owner, plan, predecessor, dependent, next } = await setting();
    await agree(owner.actor, plan.id, predecessor.id, { revisedTargetText: '31/08/2025', revisionReason: 'Late start' });
    const { rows } = await test.services.relations.pages.knockOnList(owner.actor, plan.id);
    expect(rows.map((row) => [row.itemId, row.label, row.days, row.projectedFinish])).toEqual([
      [dependent.id, 'At risk from 1.2', 61, '30/11/2025'],
      [next.id, 'At risk from 1.2 via 1.3', 60, '29/01/2026'],
    ]);
  });
});
