import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { canAdminister, canCreatePlan, requireCanEditPlan, requireOfficer } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { conflict, forbidden, notFound, planHasIssuedPacks } from '../errors.ts';
import { listPlanPacks, lockPlanAgainstNewPacks } from '../reports/packs/pack-repository.ts';
import type { Plan } from '../db/schema.ts';
import type { PlanForm } from './plan-form.ts';
import { deletePlanRow, findPlan, insertPlan, listPlansWithCounts, updatePlanIfCurrent } from './plan-repository.ts';

export type PlanService = ReturnType<typeof createPlanService>;

export function createPlanService(db: Db) {
  async function getPlan(actor: Actor, planId: string): Promise<Plan> {
    requireOfficer(actor);
    const plan = await findPlan(db, actor.organisationId, planId);
    if (!plan) throw notFound('The plan');
    return plan;
  }

  return {
    getPlan,

    listPlans: (actor: Actor) => {
      requireOfficer(actor);
      return listPlansWithCounts(db, actor.organisationId);
    },

    async createPlan(actor: Actor, form: PlanForm): Promise<Plan> {
      if (!canCreatePlan(actor)) throw forbidden('create plans');
      return db.transaction().execute(async (trx) => {
        const plan = await insertPlan(trx, actor.organisationId, actor.userId, form);
        await recordAudit(trx, actor, { entityType: 'plan', entityId: plan.id, planId: plan.id, action: 'create', after: plan });
        return plan;
      });
    },

    async updatePlan(actor: Actor, planId: string, version: number, form: PlanForm): Promise<Plan> {
      const before = await getPlan(actor, planId);
      requireCanEditPlan(actor, before);
      return db.transaction().execute(async (trx) => {
        const after = await updatePlanIfCurrent(trx, actor.organisationId, planId, version, form);
        if (!after) throw conflict('Someone else changed this plan while you were editing it. Your changes have not been saved.');
        await recordAudit(trx, actor, { entityType: 'plan', entityId: planId, planId, action: 'update', before, after });
        return after;
      });
    },

    /** For the delete page: how many issued packs would go with the plan, and why this actor may not delete it. */
    async planDeletion(actor: Actor, planId: string): Promise<{ plan: Plan; issuedPacks: number; refusal: string | null }> {
      const plan = await getPlan(actor, planId);
      const issuedPacks = (await listPlanPacks(db, actor.organisationId, planId)).length;
      return { plan, issuedPacks, refusal: issuedPacks > 0 && !canAdminister(actor) ? planHasIssuedPacks(issuedPacks).message : null };
    },

    /**
     * Deletes the plan and everything in it. Its issued report packs go with it (the database cascades), so a plan
     * with issued packs can be deleted only by an administrator, and the audit entry names the packs deleted.
     */
    async deletePlan(actor: Actor, planId: string): Promise<void> {
      const plan = await getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      await db.transaction().execute(async (trx) => {
        await lockPlanAgainstNewPacks(trx, actor.organisationId, planId);
        const packs = await listPlanPacks(trx, actor.organisationId, planId);
        if (packs.length > 0 && !canAdminister(actor)) throw planHasIssuedPacks(packs.length);
        const issuedPacksDeleted = packs.map(({ id, title, audience, as_at, issued_at }) => ({ id, title, audience, asAt: as_at, issuedAt: issued_at }));
        for (const pack of issuedPacksDeleted) {
          await recordAudit(trx, actor, { entityType: 'report_pack', entityId: pack.id, planId, action: 'delete', before: pack, after: { reason: 'Deleted with its plan' } });
        }
        await recordAudit(trx, actor, {
          entityType: 'plan', entityId: planId, planId, action: 'delete', before: plan,
          after: { issuedPackCount: packs.length, issuedPacksDeleted },
        });
        await deletePlanRow(trx, actor.organisationId, planId);
      });
    },
  };
}
