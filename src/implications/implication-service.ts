import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { canEditPlan, requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { InvalidFields } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { parseImplicationForm, type ImplicationFormValues } from './implication-form.ts';
import { implicationsOf, listImplicationRows, type Implication } from './implication-repository.ts';

export type { Implication } from './implication-repository.ts';

/** A plan's wider implications: financial, legal, risk, equality, HR, climate and other. */
export function createImplicationService(db: Db, plans: PlanService) {
  async function implicationsFor(actor: Actor, planId: string): Promise<Implication[]> {
    await plans.getPlan(actor, planId);
    return implicationsOf(await listImplicationRows(db, actor.organisationId, planId));
  }

  return {
    implicationsFor,

    async page(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      const rows = await listImplicationRows(db, actor.organisationId, planId);
      const latest = rows.toSorted((a, b) => b.updated_at.getTime() - a.updated_at.getTime())[0];
      return { plan, implications: implicationsOf(rows), canEdit: canEditPlan(actor, plan), updatedBy: latest?.updated_by_name ?? null, updatedAt: latest?.updated_at ?? null };
    },

    /**
     * Replaces the plan's implications with the filled-in sections of the form; blank sections are removed. The audit
     * entry is the organisation's new change stamp, so cached plan pages show the change at once.
     */
    async save(actor: Actor, planId: string, values: ImplicationFormValues): Promise<void> {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const parsed = parseImplicationForm(values);
      if (!parsed.ok) throw new InvalidFields(parsed.issues);
      await db.transaction().execute(async (trx) => {
        const before = implicationsOf(await listImplicationRows(trx, actor.organisationId, planId));
        await trx.deleteFrom('plan_implications').where('organisation_id', '=', actor.organisationId).where('plan_id', '=', planId).execute();
        if (parsed.entries.length > 0) {
          await trx
            .insertInto('plan_implications')
            .values(parsed.entries.map((entry) => ({ organisation_id: actor.organisationId, plan_id: planId, category: entry.category, heading: entry.heading, body: entry.body, amount: entry.amount, updated_by_name: actor.name, updated_at: new Date() })))
            .execute();
        }
        await recordAudit(trx, actor, { entityType: 'plan', entityId: planId, planId, action: 'update_implications', before, after: parsed.entries });
      });
    },
  };
}
