import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { canCreatePlan, requireCanEditPlan, requireOfficer } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
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

    async deletePlan(actor: Actor, planId: string): Promise<void> {
      const plan = await getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, { entityType: 'plan', entityId: planId, planId, action: 'delete', before: plan });
        await deletePlanRow(trx, actor.organisationId, planId);
      });
    },
  };
}
