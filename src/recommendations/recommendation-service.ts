import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { canEditPlan, requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { PlanService } from '../plans/plan-service.ts';
import type { ItemStatusDetail } from '../updates/status-service.ts';
import { rulesOf } from '../updates/domain/plan-rules.ts';
import { buildTree, flatten, itemLabel } from '../plans/plan-tree.ts';
import { isRecommendation, recommendationCoverage, type CoverageGroup, type RecommendationCoverage } from './coverage.ts';
import { mergePlanSettings } from '../plans/plan-settings-repository.ts';
import { evidenceOnLatestApproved, listCoverageItems, listLinksTo, setRecommendationFlag } from './recommendation-repository.ts';

type Statuses = (actor: Actor, planId: string, asAt: Date | null) => Promise<Map<string, ItemStatusDetail>>;

export const GROUPS: { key: CoverageGroup; heading: string; empty: string }[] = [
  { key: 'no_action', heading: 'Recommendations with no action', empty: 'Every recommendation has at least one action.' },
  { key: 'ready_to_close', heading: 'Ready to close: every action complete', empty: 'No recommendation has all its actions complete yet.' },
  { key: 'overdue', heading: 'Recommendations with overdue actions', empty: 'No recommendation has an overdue action.' },
  { key: 'in_progress', heading: 'In progress', empty: 'None.' },
];

/** Which recommendations are answered, and how far; marking items as recommendations; evidence before closure. */
export function createRecommendationService(db: Db, plans: PlanService, statuses: Statuses) {
  async function coverageOf(actor: Actor, planId: string) {
    const plan = await plans.getPlan(actor, planId);
    const [items, links, states] = await Promise.all([
      listCoverageItems(db, actor.organisationId, planId),
      listLinksTo(db, actor.organisationId, planId),
      statuses(actor, planId, null),
    ]);
    const recommendations = recommendationCoverage(items, links, states, format(new Date(), 'yyyy-MM-dd'));
    return { plan, items, recommendations };
  }

  return {
    /** For reports: each recommendation with its group and the actions that answer it. */
    recommendationsFor: async (actor: Actor, planId: string): Promise<RecommendationCoverage[]> => (await coverageOf(actor, planId)).recommendations,

    async coveragePage(actor: Actor, planId: string) {
      const { plan, items, recommendations } = await coverageOf(actor, planId);
      const complete = recommendations.flatMap((recommendation) => recommendation.actions.filter((action) => action.complete).map((action) => action.id));
      const evidence = await evidenceOnLatestApproved(db, actor.organisationId, planId, complete);
      const shown = recommendations.map((recommendation) => ({
        ...recommendation,
        label: itemLabel(recommendation, 120),
        actions: recommendation.actions.map((action) => ({ ...action, label: itemLabel(action, 120), evidenceFiles: evidence.get(action.id) ?? 0 })),
      }));
      const candidates = flatten(buildTree(items))
        .map((node) => node.item)
        .filter((item) => item.kind === 'section' || item.kind === 'outcome')
        .map((item) => ({ id: item.id, label: itemLabel(item, 100), checked: isRecommendation(item) }));
      return {
        plan,
        groups: GROUPS.map((group) => ({ ...group, recommendations: shown.filter((recommendation) => recommendation.group === group.key) })),
        total: shown.length,
        actionCount: shown.reduce((sum, recommendation) => sum + recommendation.actions.length, 0),
        candidates,
        evidenceRequired: rulesOf(plan.settings).evidenceRequiredForComplete,
        canEdit: canEditPlan(actor, plan),
      };
    },

    /** The ticked sections and outcomes become recommendations; the others stop being recommendations. */
    async markRecommendations(actor: Actor, planId: string, checkedIds: readonly string[]): Promise<number> {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const items = await listCoverageItems(db, actor.organisationId, planId);
      const checked = new Set(checkedIds);
      const changes = items
        .filter((item) => item.kind === 'section' || item.kind === 'outcome')
        .filter((item) => checked.has(item.id) !== isRecommendation(item))
        .map((item) => ({ item, flag: checked.has(item.id) ? ('yes' as const) : ('no' as const) }));
      await db.transaction().execute(async (trx) => {
        for (const { item, flag } of changes) {
          await setRecommendationFlag(trx, actor.organisationId, planId, item.id, flag);
          const after = { custom_values: { ...item.custom_values, recommendation: flag } };
          await recordAudit(trx, actor, { entityType: 'item', entityId: item.id, planId, action: 'update', before: { custom_values: item.custom_values }, after });
        }
      });
      return changes.length;
    },

    /** Turns on (or off) the plan's rule that an action needs evidence before it is marked complete. */
    async setEvidenceRequired(actor: Actor, planId: string, required: boolean): Promise<void> {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const before = rulesOf(plan.settings).evidenceRequiredForComplete;
      await db.transaction().execute(async (trx) => {
        await mergePlanSettings(trx, actor.organisationId, planId, { evidenceRequiredForComplete: required });
        const change = { evidenceRequiredForComplete: required };
        await recordAudit(trx, actor, { entityType: 'plan', entityId: planId, planId, action: 'update_settings', before: { evidenceRequiredForComplete: before }, after: change });
      });
    },
  };
}
