import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, format } from 'date-fns';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPerson, createPlan, createUser } from '../../test/factories/factories.ts';
import { AppError, InvalidFields } from '../errors.ts';
import { riskFormValues } from './risk-form.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['admin'], name: 'Joanne Platt' });
  const riskOwner = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'], name: 'Interim Chief Executive' });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id });
  const action = await createItem(db, { planId: plan.id, ref: '1', title: 'Set up a monthly programme board' });
  // Seed 002: the programme board's risk register for the improvement plan, reviewed monthly.
  const form = (values: Record<string, unknown> = {}) =>
    riskFormValues({
      ref: 'R1',
      title: 'Capacity to deliver the plan alongside day-to-day services',
      cause: 'Senior officers are stretched across services and the plan',
      effect: 'Milestones slip and Cabinet loses confidence',
      owner: riskOwner.person!.id,
      inherentLikelihood: '4',
      inherentImpact: '5',
      residualLikelihood: '2',
      residualImpact: '4',
      targetLikelihood: '1',
      targetImpact: '4',
      controls: 'Monthly programme board\nCross-directorate project teams',
      reviewFrequency: 'monthly',
      linkedItemIds: action.id,
      ...values,
    });
  return { db, owner, riskOwner, plan, action, form, risks: test.services.measures.risks };
}

describe('the risk register', () => {
  it('scores the residual rating and places the risk in the right heat-map cell', async () => {
    const { owner, plan, action, form, risks } = await setting();
    const risk = await risks.saveRisk(owner.actor, plan.id, null, 0, form());
    expect(risk.next_review_date).toBe(iso(addMonths(new Date(), 1)));
    const [row] = await test.services.measures.risksFor(owner.actor, plan.id);
    expect(row).toMatchObject({
      ref: 'R1',
      owner: 'Interim Chief Executive',
      inherent: { score: 20, band: 'High', rag: 'red', text: '4 × 5 = 20, High' },
      residual: { score: 8, band: 'Medium', rag: 'amber' },
      target: { score: 4, band: 'Low' },
      rag: 'amber',
    });
    const { model, svg } = await risks.heatMap(owner.actor, plan.id, 'residual');
    const cell = model.rows[1]?.cells[1];
    expect(cell?.label).toBe('Unlikely (2) × Major (4) = 8, Medium: 1 risk, R1');
    expect(svg).toContain('>R1<');
    const inherent = await risks.heatMap(owner.actor, plan.id, 'inherent');
    expect(inherent.model.rows[0]?.cells[3]?.risks.map((placed) => placed.ref)).toEqual(['R1']);
    const page = await risks.riskPage(owner.actor, plan.id, risk.id);
    expect(page.actions.map((linked) => linked.id)).toEqual([action.id]);
  });

  it('refuses a likelihood of 7 on a 5×5 scale, with the other problems, and saves nothing', async () => {
    const { owner, plan, form, risks, db } = await setting();
    const error = await risks.saveRisk(owner.actor, plan.id, null, 0, form({ residualLikelihood: '7', owner: '' })).catch((caught: unknown) => caught);
    expect((error as InvalidFields).issues).toEqual([
      { path: 'owner', message: 'Choose who owns the risk' },
      { path: 'residualLikelihood', message: 'Likelihood must be between 1 and 5' },
    ]);
    expect(await db.selectFrom('risks').where('plan_id', '=', plan.id).selectAll().execute()).toHaveLength(0);
  });

  it('refuses an owner or a linked action from elsewhere', async () => {
    const { owner, plan, form, risks, db } = await setting();
    const stranger = await createPerson(db, { organisationId: (await createOrganisation(db)).id });
    const otherPlanAction = await createItem(db, { organisationId: owner.actor.organisationId });
    const error = await risks.saveRisk(owner.actor, plan.id, null, 0, form({ owner: stranger.id, linkedItemIds: otherPlanAction.id })).catch((caught: unknown) => caught);
    expect((error as InvalidFields).issues.map((issue) => issue.path)).toEqual(['owner', 'linkedItemIds']);
  });

  it('records reviews by the owner, moves the next review on, and drops the risk from the due list', async () => {
    const { owner, riskOwner, plan, form, risks, db } = await setting();
    const risk = await risks.saveRisk(owner.actor, plan.id, null, 0, form());
    await db.updateTable('risks').set({ next_review_date: iso(addDays(new Date(), -3)) }).where('id', '=', risk.id).execute();
    const due = await test.services.measures.dueRiskReviews(owner.actor.organisationId, new Date());
    expect(due).toEqual([expect.objectContaining({ riskId: risk.id, ref: 'R1', ownerName: 'Interim Chief Executive', ownerEmail: riskOwner.user.email, daysOverdue: 3, reviewPath: `/plans/${plan.id}/risks/${risk.id}/review` })]);

    const everywhere = await test.services.measures.dueRiskReviews(new Date());
    expect(everywhere.filter((review) => review.riskId === risk.id).map((review) => review.organisationId)).toEqual([owner.actor.organisationId]);

    const ratings = { inherentLikelihood: '4', inherentImpact: '5', residualLikelihood: '1', residualImpact: '4', targetLikelihood: '1', targetImpact: '4' };
    await risks.reviewRisk(riskOwner.actor, plan.id, risk.id, { ratings, note: 'Board now meets monthly', status: 'open' });
    expect(await test.services.measures.dueRiskReviews(owner.actor.organisationId, new Date())).toEqual([]);
    const page = await risks.riskPage(owner.actor, plan.id, risk.id);
    expect(page.summary.residual?.score).toBe(4);
    expect(page.reviews.map((review) => [review.reviewer_name, review.note, review.residual?.text])).toEqual([['Interim Chief Executive', 'Board now meets monthly', '1 × 4 = 4, Low']]);

    const bad = await risks.reviewRisk(riskOwner.actor, plan.id, risk.id, { ratings: { ...ratings, inherentImpact: '9' }, note: '', status: 'open' }).catch((caught: unknown) => caught);
    expect((bad as InvalidFields).issues).toEqual([{ path: 'inherentImpact', message: 'Impact must be between 1 and 5' }]);
    const stranger = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'] });
    const refused = await risks.reviewRisk(stranger.actor, plan.id, risk.id, { ratings, note: '', status: 'open' }).catch((caught: unknown) => caught);
    expect((refused as AppError).status).toBe(403);
  });

  it('follows the plan’s scale, and will not change to a scale a risk is rated beyond', async () => {
    const { owner, plan, form, risks } = await setting();
    const risk = await risks.saveRisk(owner.actor, plan.id, null, 0, form());
    const refused = await risks.setRiskScale(owner.actor, plan.id, '4x4').catch((caught: unknown) => caught);
    expect((refused as InvalidFields).issues).toEqual([{ path: 'scale', message: 'A risk is rated beyond a 4 × 4 scale (R1): re-rate it first' }]);
    await risks.saveRisk(owner.actor, plan.id, risk.id, risk.version, form({ inherentImpact: '4' }));
    await risks.setRiskScale(owner.actor, plan.id, '4x4');
    const fresh = await risks.scaleOf(owner.actor, plan.id);
    expect(fresh.scale.likelihood.map((level) => level.label)).toEqual(['Unlikely', 'Possible', 'Likely', 'Very likely']);
    const error = await risks.saveRisk(owner.actor, plan.id, null, 0, form({ ref: 'R2', inherentLikelihood: '5', inherentImpact: '4' })).catch((caught: unknown) => caught);
    expect((error as InvalidFields).issues).toEqual([{ path: 'inherentLikelihood', message: 'Likelihood must be between 1 and 4' }]);
  });
});
