import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { canEditPlan, requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { mergePlanSettings } from '../plans/plan-settings-repository.ts';
import { rulesOf } from './domain/plan-rules.ts';
import { rulesFromForm, type UpdateRulesForm } from './update-rules-form.ts';

/**
 * A plan's update rules (plans.settings): how the suggested RAG is worked out and rolled up, when a corrective action
 * is required, the status words and which of them mean complete. Anyone who can see the plan may read them; those who
 * may edit the plan change them, audited with before and after. Statuses, plan pages and reports pick the change up
 * at once: the audit entry is the organisation's new change stamp.
 */
export function createUpdateRulesService(db: Db, plans: PlanService) {
  return {
    async page(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      return { plan, rules: rulesOf(plan.settings), canEdit: canEditPlan(actor, plan) };
    },

    async save(actor: Actor, planId: string, form: UpdateRulesForm): Promise<void> {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const before = rulesOf(plan.settings);
      const after = rulesFromForm(form);
      await db.transaction().execute(async (trx) => {
        await mergePlanSettings(trx, actor.organisationId, planId, after);
        await recordAudit(trx, actor, { entityType: 'plan', entityId: planId, planId, action: 'update_settings', before: { updateRules: before }, after: { updateRules: after } });
      });
    },
  };
}

export type UpdateRulesService = ReturnType<typeof createUpdateRulesService>;
