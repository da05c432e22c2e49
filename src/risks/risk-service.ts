import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import { requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { conflict, forbidden, InvalidFields, notFound } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { findPerson } from '../people/person-repository.ts';
import { listPlanItems } from '../items/item-repository.ts';
import { parseRiskForm, riskFormValues, valuesOfRisk, type RiskFormValues } from './risk-form.ts';
import { canReviewRisk, nextReviewDate, ratingColumns } from './risk-rules.ts';
import { planRiskScale } from './risk-scale-settings.ts';
import { findRisk, insertRisk, insertRiskReview, latestReviewDate, listRiskActions, replaceRiskActions, updateRiskIfCurrent } from './risk-repository.ts';

export type RiskService = ReturnType<typeof createRiskService>;

const today = () => format(new Date(), 'yyyy-MM-dd');

export interface RiskReviewValues {
  ratings: Record<string, string>;
  note: string;
  status: string;
}

/** The risk register's writes: one transaction each, with an audit entry; nothing saved when anything is wrong. */
export function createRiskService(db: Db, plans: PlanService) {
  async function getRisk(actor: Actor, planId: string, riskId: string) {
    const plan = await plans.getPlan(actor, planId);
    const risk = await findRisk(db, actor.organisationId, planId, riskId);
    if (!risk) throw notFound('The risk');
    return { plan, risk };
  }

  /** The owner must be one of the organisation's people; linked items must be this plan's actions or milestones. */
  async function checkReferences(actor: Actor, plan: Plan, values: RiskFormValues) {
    const [owner, items] = await Promise.all([findPerson(db, actor.organisationId, values.owner), listPlanItems(db, actor.organisationId, plan.id)]);
    const actions = new Set(items.filter((item) => item.kind === 'action' || item.kind === 'milestone').map((item) => item.id));
    const issues: { path: string; message: string }[] = [];
    if (!owner) issues.push({ path: 'owner', message: 'Choose who owns the risk from the list of people' });
    if (values.linkedItemIds.some((id) => !actions.has(id))) issues.push({ path: 'linkedItemIds', message: 'Choose actions from this plan' });
    if (issues.length > 0 || !owner) throw new InvalidFields(issues);
    return owner;
  }

  return {
    getRisk,

    /** Creates (riskId null) or changes a risk, checked against the plan's scale. */
    async saveRisk(actor: Actor, planId: string, riskId: string | null, version: number, values: RiskFormValues) {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const before = riskId ? await findRisk(db, actor.organisationId, planId, riskId) : undefined;
      if (riskId && !before) throw notFound('The risk');
      const parsed = parseRiskForm(values, planRiskScale(plan.settings));
      if (!parsed.ok) throw new InvalidFields(parsed.issues);
      const owner = await checkReferences(actor, plan, values);
      const { risk } = parsed;
      const frequencyChanged = before && before.review_frequency !== risk.reviewFrequency;
      const lastReview = before ? ((await latestReviewDate(db, actor.organisationId, before.id))?.at ?? before.created_at) : null;
      const columns = {
        ref: risk.ref,
        title: risk.title,
        cause: risk.cause,
        effect: risk.effect,
        owner_person_id: owner.id,
        owner_name: owner.name,
        ...ratingColumns(risk),
        controls: JSON.stringify(risk.controls),
        review_frequency: risk.reviewFrequency,
        status: values.status === 'closed' ? ('closed' as const) : ('open' as const),
        ...(!before || frequencyChanged
          ? { next_review_date: nextReviewDate(lastReview ? format(lastReview, 'yyyy-MM-dd') : today(), risk.reviewFrequency) }
          : {}),
      };
      return db.transaction().execute(async (trx) => {
        let saved;
        if (!before) {
          saved = await insertRisk(trx, { organisation_id: actor.organisationId, plan_id: planId, updated_at: new Date(), next_review_date: today(), ...columns });
          await recordAudit(trx, actor, { entityType: 'risk', entityId: saved.id, planId, action: 'create', after: { ...saved, linkedItemIds: risk.linkedItemIds } });
        } else {
          saved = await updateRiskIfCurrent(trx, actor.organisationId, before.id, version, columns);
          if (!saved) throw conflict('Someone else changed this risk while you were editing it. Your changes have not been saved.');
          await recordAudit(trx, actor, { entityType: 'risk', entityId: before.id, planId, action: 'update', before, after: { ...saved, linkedItemIds: risk.linkedItemIds } });
        }
        await replaceRiskActions(trx, actor.organisationId, saved.id, risk.linkedItemIds);
        return saved;
      });
    },

    /** Records a review: who, when, the scores now and a note; the risk takes the new scores and its next review date. */
    async reviewRisk(actor: Actor, planId: string, riskId: string, review: RiskReviewValues) {
      const { plan, risk } = await getRisk(actor, planId, riskId);
      if (!canReviewRisk(actor, plan, risk)) throw forbidden('review this risk');
      const linked = await listRiskActions(db, actor.organisationId, [risk.id]);
      const values = { ...valuesOfRisk(risk, linked.map((item) => item.id)), ratings: riskFormValues(review.ratings).ratings };
      const parsed = parseRiskForm(values, planRiskScale(plan.settings));
      const noteTooLong = review.note.length > 5000 ? [{ path: 'note', message: 'Keep the note under 5,000 characters' }] : [];
      if (!parsed.ok || noteTooLong.length > 0) throw new InvalidFields([...(parsed.ok ? [] : parsed.issues), ...noteTooLong]);
      const next = nextReviewDate(today(), risk.review_frequency);
      const ratings = ratingColumns(parsed.risk);
      return db.transaction().execute(async (trx) => {
        const saved = await insertRiskReview(trx, {
          organisation_id: actor.organisationId,
          risk_id: risk.id,
          reviewed_by_user_id: actor.userId,
          reviewer_name: actor.name,
          reviewed_at: new Date(),
          ...ratings,
          note: review.note.trim() || null,
          next_review_date: next,
        });
        const status = review.status === 'closed' ? ('closed' as const) : ('open' as const);
        const after = await updateRiskIfCurrent(trx, actor.organisationId, risk.id, risk.version, { ...ratings, next_review_date: next, status });
        if (!after) throw conflict('Someone else changed this risk while you were reviewing it. Reload the page and review it again.');
        await recordAudit(trx, actor, { entityType: 'risk', entityId: risk.id, planId, action: 'review', before: risk, after: { ...after, review: saved } });
        return saved;
      });
    },
  };
}
