import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { RiskRow } from '../db/schema.ts';
import { canEditPlan } from '../auth/permissions.ts';
import type { PlanService } from '../plans/plan-service.ts';
import type { ItemStatusDetail } from '../updates/status-service.ts';
import { listPeople } from '../people/person-repository.ts';
import { listPlanItems } from '../items/item-repository.ts';
import { buildTree, flatten, itemLabel } from '../plans/plan-tree.ts';
import { heatMapModel, type RatingKind } from './domain/heat-map.ts';
import { renderHeatMapSvg } from './domain/heat-map-svg.ts';
import type { RiskScale } from './domain/risk-scale.ts';
import { canReviewRisk, FREQUENCY_LABELS, ratingsOf, ratingSummary, type RatingSummary } from './risk-rules.ts';
import { planRiskScale } from './risk-scale-settings.ts';
import { listPlanRisks, listRiskActions, listRiskReviews } from './risk-repository.ts';
import type { RiskService } from './risk-service.ts';
import { releasedRisks } from './released-risks.ts';
import type { ReleasedYet } from '../publishing/plan-wide-data.ts';

type Statuses = (actor: Actor, planId: string, asAt: Date | null) => Promise<Map<string, ItemStatusDetail>>;

/** A risk as the register, a report or a risk page shows it. */
export interface RiskSummaryRow {
  id: string;
  ref: string | null;
  title: string;
  owner: string;
  inherent: RatingSummary | null;
  residual: RatingSummary | null;
  target: RatingSummary | null;
  /** The residual rating's colour: what the risk is now. */
  rag: 'green' | 'amber' | 'red';
  status: 'open' | 'closed';
  reviewFrequency: string;
  nextReviewDate: string;
  reviewDue: boolean;
}

export function riskSummaryRow(risk: RiskRow, scale: RiskScale, today: string): RiskSummaryRow {
  const ratings = ratingsOf(risk);
  const residual = ratingSummary(ratings.residual, scale);
  return {
    id: risk.id,
    ref: risk.ref,
    title: risk.title,
    owner: risk.owner_name,
    inherent: ratingSummary(ratings.inherent, scale),
    residual,
    target: ratingSummary(ratings.target, scale),
    rag: residual?.rag ?? 'green',
    status: risk.status,
    reviewFrequency: FREQUENCY_LABELS[risk.review_frequency],
    nextReviewDate: risk.next_review_date,
    reviewDue: risk.status === 'open' && risk.next_review_date < today,
  };
}

const today = () => format(new Date(), 'yyyy-MM-dd');

/** What the risk pages and reports read. */
export function createRiskQueries(db: Db, plans: PlanService, service: RiskService, statuses: Statuses) {
  async function register(actor: Actor, planId: string) {
    const plan = await plans.getPlan(actor, planId);
    const scale = planRiskScale(plan.settings);
    const risks = await listPlanRisks(db, actor.organisationId, planId);
    return { plan, scale, risks, rows: risks.map((risk) => riskSummaryRow(risk, scale, today())) };
  }

  return {
    async listPage(actor: Actor, planId: string) {
      const { plan, scale, rows } = await register(actor, planId);
      return { plan, scale, rows, canEdit: canEditPlan(actor, plan) };
    },

    /** For reports and published surfaces: one row per risk with its owner, the three ratings and the residual RAG (as of its released reviews, when asked). */
    risksFor: async (actor: Actor, planId: string, releasedYet?: ReleasedYet) => {
      const { plan, scale, risks, rows } = await register(actor, planId);
      if (!releasedYet) return rows;
      return (await releasedRisks(db, plan, risks, releasedYet)).map((risk) => riskSummaryRow(risk, scale, today()));
    },

    async formData(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      const [people, items] = await Promise.all([listPeople(db, actor.organisationId), listPlanItems(db, actor.organisationId, planId)]);
      const actions = flatten(buildTree(items))
        .map((node) => node.item)
        .filter((item) => item.kind === 'action' || item.kind === 'milestone')
        .map((item) => ({ id: item.id, label: itemLabel(item, 100) }));
      return { plan, scale: planRiskScale(plan.settings), people: people.map((person) => ({ id: person.id, name: person.name })), actions };
    },

    async riskPage(actor: Actor, planId: string, riskId: string) {
      const { plan, risk } = await service.getRisk(actor, planId, riskId);
      const scale = planRiskScale(plan.settings);
      const [actions, reviews, status] = await Promise.all([
        listRiskActions(db, actor.organisationId, [risk.id]),
        listRiskReviews(db, actor.organisationId, risk.id),
        statuses(actor, planId, null),
      ]);
      return {
        plan,
        risk,
        scale,
        summary: riskSummaryRow(risk, scale, today()),
        actions: actions.map((action) => ({ ...action, label: itemLabel(action, 100), status: status.get(action.id) ?? null })),
        reviews: reviews.map((review) => ({
          ...review,
          inherent: ratingSummary({ likelihood: review.inherent_likelihood, impact: review.inherent_impact }, scale),
          residual: ratingSummary({ likelihood: review.residual_likelihood, impact: review.residual_impact }, scale),
        })),
        canEdit: canEditPlan(actor, plan),
        canReview: canReviewRisk(actor, plan, risk),
      };
    },

    /** The heat map of open risks by their residual (default), inherent or target rating. */
    async heatMap(actor: Actor, planId: string, kind: RatingKind) {
      const { plan, scale, risks } = await register(actor, planId);
      const open = risks.filter((risk) => risk.status === 'open').map((risk) => ({ id: risk.id, ref: risk.ref, title: risk.title, ...ratingsOf(risk) }));
      const model = heatMapModel(open, scale, kind);
      return { plan, model, svg: renderHeatMapSvg(model, { idPrefix: 'heat-map', title: `Risk heat map: ${kind} rating of open risks` }) };
    },
  };
}
