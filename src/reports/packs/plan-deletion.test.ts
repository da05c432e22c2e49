import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../../test/factories/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import { AppError } from '../../errors.ts';
import { reportRequest } from '../reports.test-support.ts';
import { storePack } from './pack-issue.ts';

let test: TestApp;
let admin: Actor;
let adminUser: { id: string; organisation_id: string };
let editor: Awaited<ReturnType<typeof createUser>>;
let owner: Awaited<ReturnType<typeof createUser>>;

async function planWithPacks(packs: number): Promise<string> {
  const plan = await createPlan(test.database.db, { organisationId: admin.organisationId, ownerUserId: owner.user.id, title: 'Governance Improvement Plan' });
  await createItem(test.database.db, { planId: plan.id, ref: '1', title: 'Review the constitution' });
  for (let n = 1; n <= packs; n += 1) {
    const request = reportRequest(plan.id, { audience: 'Scrutiny' });
    await storePack(test.database.db, admin, await test.services.reports.build(admin, request), request, { title: `Scrutiny, pack ${n}`, note: null });
  }
  return plan.id;
}

const refusalOf = (promise: Promise<unknown>) => promise.then(() => 'deleted', (error: unknown) => (error instanceof AppError ? `${error.status} ${error.message}` : String(error)));
const plansWithId = async (planId: string) => (await test.database.db.selectFrom('plans').where('id', '=', planId).select('id').execute()).length;
const packsOf = async (planId: string) => (await test.database.db.selectFrom('report_packs').where('plan_id', '=', planId).select('id').execute()).map((pack) => pack.id);

beforeAll(async () => {
  test = await createTestApp();
  ({ actor: admin, user: adminUser } = await createUser(test.database.db, { roles: ['admin'] }));
  editor = await createUser(test.database.db, { roles: ['editor'], organisationId: admin.organisationId });
  owner = await createUser(test.database.db, { roles: ['plan_owner'], organisationId: admin.organisationId });
});
afterAll(async () => test.close());

describe('deleting a plan that has issued report packs', () => {
  it('is refused to an editor and to the plan’s owner, saying why, and deletes nothing', async () => {
    const planId = await planWithPacks(2);
    const message = '403 This plan has 2 issued report packs; only an administrator can delete it.';
    expect(await refusalOf(test.services.plans.deletePlan(editor.actor, planId))).toBe(message);
    expect(await refusalOf(test.services.plans.deletePlan(owner.actor, planId))).toBe(message);
    expect(await plansWithId(planId)).toBe(1);
    expect(await packsOf(planId)).toHaveLength(2);
    const audit = await test.database.db.selectFrom('audit_log').where('entity_id', '=', planId).where('action', '=', 'delete').select('id').execute();
    expect(audit).toEqual([]);
  });

  it('is done by an administrator, with the packs that went with it in the audit log', async () => {
    const planId = await planWithPacks(2);
    const packIds = await packsOf(planId);
    await test.services.plans.deletePlan(admin, planId);
    expect(await plansWithId(planId)).toBe(0);
    expect(await packsOf(planId)).toEqual([]);
    const entry = await test.database.db.selectFrom('audit_log').where('entity_id', '=', planId).where('action', '=', 'delete').select(['user_id', 'after']).executeTakeFirstOrThrow();
    expect(entry.user_id).toBe(admin.userId);
    expect(entry.after).toMatchObject({ issuedPackCount: 2 });
    expect((entry.after as { issuedPacksDeleted: { title: string }[] }).issuedPacksDeleted.map((pack) => pack.title).sort()).toEqual(['Scrutiny, pack 1', 'Scrutiny, pack 2']);
    const packAudit = await test.database.db.selectFrom('audit_log').where('entity_id', 'in', packIds).where('action', '=', 'delete').select('after').execute();
    expect(packAudit.map((row) => row.after)).toEqual([{ reason: 'Deleted with its plan' }, { reason: 'Deleted with its plan' }]);
  });

  it('is still open to an editor when the plan has no issued packs', async () => {
    const planId = await planWithPacks(0);
    await test.services.plans.deletePlan(editor.actor, planId);
    expect(await plansWithId(planId)).toBe(0);
  });

  it('is explained on the delete page: refused to an editor, with the packs named as going for an administrator', async () => {
    const planId = await planWithPacks(1);
    const editorPage = await (await signInAs(test, editor.user)).get(`/plans/${planId}/delete`);
    expect(editorPage.statusCode).toBe(200);
    expect(editorPage.body).toContain('This plan has 1 issued report pack; only an administrator can delete it.');
    expect(editorPage.body).not.toContain('Yes, delete the plan');
    const adminPage = await (await signInAs(test, adminUser)).get(`/plans/${planId}/delete`);
    expect(adminPage.body).toContain('and its 1 issued report pack with their files');
    expect(adminPage.body).toContain('Yes, delete the plan');
  });
});
