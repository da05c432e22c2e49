import type { Db } from '../db/connection.ts';
import { createItem, createPerson, createPlan } from '../../test/factories/factories.ts';

/**
 * For tests: priority CP7 of seed 003 (a 2007/08 plan on a July–June month grid) as the importer would store it:
 * CP7 › outcome 7 › measure 7.1 › actions 7.1.1–7.1.5, each with the months its ■ marks cover, led by HB.
 * The organisation should have fy_start_month 7.
 */
export const SEED_003_ACTIONS = [
  { ref: '7.1.1', title: 'Capacity Building evaluation.', months: ['2007-07', '2007-08', '2007-09', '2007-10', '2007-11'] },
  { ref: '7.1.2', title: 'Budget bid for further expansion.', months: ['2007-10'] },
  { ref: '7.1.3', title: 'Quarterly overview meeting with CEO, ACE, Leaders', months: ['2007-07', '2007-10', '2008-02', '2008-06'] },
  { ref: '7.1.4', title: 'Develop delivery plan for further roll out.', months: ['2007-11', '2007-12', '2008-01', '2008-02'] },
  { ref: '7.1.5', title: 'Deliver plan.', months: ['2008-03', '2008-04', '2008-05', '2008-06'] },
] as const;

export async function insertSeed003Plan(db: Db, organisationId: string, ownerUserId: string, leadPersonIds: string[] = []) {
  const plan = await createPlan(db, {
    organisationId,
    ownerUserId,
    title: 'Improvement Plan: 2007/08 Update',
    periodStart: '2007-07-01',
    periodEnd: '2008-06-30',
  });
  const hb = await createPerson(db, { organisationId, name: 'HB', initials: 'HB' });
  const leads = [hb.id, ...leadPersonIds];
  const priority = await createItem(db, { planId: plan.id, kind: 'section', ref: 'CP7', title: 'Community Influence' });
  const outcome = await createItem(db, { planId: plan.id, parentId: priority.id, kind: 'outcome', ref: '7', title: 'Better neighbourhoods through improved community engagement' });
  const measure = await createItem(db, {
    planId: plan.id,
    parentId: outcome.id,
    kind: 'measure',
    ref: '7.1',
    title: '% Increase in the Publics ability to influence the Council',
    targetText: '30 September 2007',
    targetStart: '2007-09-30',
    targetEnd: '2007-09-30',
    leadPersonIds: [hb.id],
  });
  const actions: Record<string, string> = {};
  for (const [position, action] of SEED_003_ACTIONS.entries()) {
    const item = await createItem(db, { planId: plan.id, parentId: measure.id, ref: action.ref, title: action.title, position, leadPersonIds: leads });
    await db.updateTable('items').set({ planned_months: [...action.months] }).where('id', '=', item.id).execute();
    actions[action.ref] = item.id;
  }
  return { plan, measureId: measure.id, actions };
}
