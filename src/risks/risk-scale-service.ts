import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { InvalidFields } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { mergePlanSettings } from '../plans/plan-settings-repository.ts';
import { isRiskScalePreset, planRiskScale, RISK_SCALE_PRESETS } from './risk-scale-settings.ts';
import { listPlanRisks } from './risk-repository.ts';
import { ratingsOf } from './risk-rules.ts';

/** Choosing a plan's risk scale (5×5 by default), stored on the plan's settings under `riskScale`. */
export function createRiskScaleService(db: Db, plans: PlanService) {
  return {
    async scaleOf(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      return { plan, scale: planRiskScale(plan.settings) };
    },

    /** Refused when a risk is rated beyond the new scale: re-rate those risks first. */
    async setRiskScale(actor: Actor, planId: string, preset: string) {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      if (!isRiskScalePreset(preset)) throw new InvalidFields([{ path: 'scale', message: 'Choose one of the scales' }]);
      const { scale } = RISK_SCALE_PRESETS[preset];
      const risks = await listPlanRisks(db, actor.organisationId, planId);
      const offScale = risks.filter((risk) =>
        Object.values(ratingsOf(risk)).some((rating) => rating && (rating.likelihood > scale.likelihood.length || rating.impact > scale.impact.length)),
      );
      if (offScale.length > 0) {
        const names = offScale.map((risk) => risk.ref ?? risk.title).join(', ');
        const message = `${offScale.length === 1 ? 'A risk is' : `${offScale.length} risks are`} rated beyond a ${preset.replace('x', ' × ')} scale (${names}): re-rate ${offScale.length === 1 ? 'it' : 'them'} first`;
        throw new InvalidFields([{ path: 'scale', message }]);
      }
      const before = planRiskScale(plan.settings);
      await db.transaction().execute(async (trx) => {
        await mergePlanSettings(trx, actor.organisationId, planId, { riskScale: scale });
        await recordAudit(trx, actor, { entityType: 'plan', entityId: planId, planId, action: 'set_risk_scale', before, after: scale });
      });
    },
  };
}
