import { addDays, format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Services } from '../services.ts';
import type { Visibility } from './publishing-fields.ts';
import { publishingRulesOf } from './publishing-rules.ts';
import { insertCycle, insertPeriods } from '../updates/period-repository.ts';
import { loadMeasurePeriods } from '../measures/measure-plan-data.ts';
import { createItem, createPerson, createPlan, createUser } from '../../test/factories/factories.ts';

/**
 * A published plan whose every publishable field holds a sentinel string, plus updates and date changes that must
 * never be published (drafts, returned, not yet at their papers day, approved after "publish now"), and an
 * unpublished plan. Tests render every published surface and search for the sentinels.
 */

const HOUR = 3_600_000;
const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

export async function buildPublishingScenario(db: Db, services: Services) {
  const { user: owner, actor: ownerActor } = await createUser(db, { roles: ['admin'], name: 'Plan Owner' });
  const org = ownerActor.organisationId;
  const organisation = await db.selectFrom('organisations').where('id', '=', org).select(['slug', 'name']).executeTakeFirstOrThrow();
  const { user: member, actor: memberActor } = await createUser(db, { organisationId: org, roles: ['member'], name: 'Councillor Member', withPerson: false });
  const { user: lead, actor: leadActor, person: leadPerson } = await createUser(db, { organisationId: org, roles: ['lead'], name: 'Lead Officer' });
  const officer = await createPerson(db, { organisationId: org, name: 'LEADSENT Officer', initials: 'INITSENT', email: 'emailsent@example.gov.uk' });
  await db.updateTable('people').set({ role_title: 'ROLETITLESENT' }).where('id', '=', officer.id).execute();
  const councillor = await createPerson(db, { organisationId: org, name: 'MEMBERSENT Cllr', kind: 'member' });

  const plan = await createPlan(db, { organisationId: org, ownerUserId: owner.id, title: 'Published improvement plan' });
  await db
    .updateTable('plans')
    .set({ custom_fields: JSON.stringify([{ key: 'budget', label: 'Budget code CUSTOMLABELSENT' }]), source_detail: 'PLANSOURCESENT', narrative: JSON.stringify(['PLANNARRATIVESENT']) })
    .where('id', '=', plan.id)
    .execute();
  const section = await createItem(db, { planId: plan.id, kind: 'section', ref: 'S1', title: 'Section one', position: 1 });
  const action = await createItem(db, { planId: plan.id, parentId: section.id, kind: 'action', ref: 'REFSENT1', title: 'TITLESENT action', position: 1, targetText: 'TARGETSENT 2031', targetStart: '2031-07-19', targetEnd: '2031-07-19', leadPersonIds: [officer.id] });
  await db
    .updateTable('items')
    .set({ detail: 'DETAILSENT', priority: 'PRIOSENT', corporate_priorities: ['CORPSENT'], planned_months: ['PLANNEDSENT'], resources: 'RESOURCESENT', custom_values: JSON.stringify({ budget: 'CUSTOMSENT' }) })
    .where('id', '=', action.id)
    .execute();
  await db.insertInto('item_people').values({ organisation_id: org, item_id: action.id, person_id: councillor.id, role: 'lead_member', position: 0 }).execute();
  const plain = await createItem(db, { planId: plan.id, parentId: section.id, kind: 'action', ref: 'S1.2', title: 'Publish the committee calendar', position: 2, targetText: 'March 2027', targetEnd: '2027-03-31', leadPersonIds: leadPerson ? [leadPerson.id] : [] });

  const cycle = await insertCycle(db, { organisationId: org, planId: plan.id, name: 'Quarterly to Cabinet', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });
  await insertPeriods(db, org, plan.id, cycle.id, [
    { label: 'Papers out', start: day(-120), end: day(-40), due: day(-35), meetings: [{ name: 'Cabinet', date: day(-20) }] },
    { label: 'Papers not out', start: day(-39), end: day(-2), due: day(3), meetings: [{ name: 'Cabinet', date: day(30) }] },
  ]);
  const periods = await db.selectFrom('periods').where('plan_id', '=', plan.id).orderBy('period_start').select('id').execute();
  const [out, notOut] = periods.map((p) => p.id) as [string, string];

  // "Publish now" three hours ago: no-period updates and date changes approved before then are published.
  await services.api.publishing.publishNow(ownerActor, plan.id, new Date(Date.now() - 3 * HOUR));
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR);
  const update = async (values: Record<string, unknown>) =>
    (await db
      .insertInto('updates')
      .values({ organisation_id: org, plan_id: plan.id, item_id: action.id, as_of: day(-1), author_name: 'AUTHORSENT', updated_at: new Date(), state: 'approved', ...values } as never)
      .returning('id')
      .executeTakeFirstOrThrow()).id;
  const published = await update({
    period_id: out, reviewed_at: at(30), reviewer_name: 'REVIEWERSENT', review_comment: 'REVIEWCOMMENTSENT', status: 'STATUSSENT', rag_proposed: 'green', rag_confirmed: 'amber',
    direction: 'worse', percent_complete: 73, narrative: 'NARRATIVESENT', corrective_action: 'CORRECTIVESENT', revised_target_text: 'UPDREVSENT', revision_reason: 'UPDREASONSENT',
  });
  const released = await update({ period_id: null, reviewed_at: at(5), reviewer_name: 'REVIEWERSENT', status: 'On target', narrative: 'RELEASEDSENT' });
  const future = await update({ period_id: notOut, reviewed_at: at(1), reviewer_name: 'REVIEWERSENT', status: 'FUTURESTATUSSENT', rag_confirmed: 'red', narrative: 'FUTURESENT', corrective_action: 'FUTURECORRSENT', revised_target_text: 'FUTUREUPDREVSENT', revision_reason: 'FUTUREREASONSENT' });
  await update({ period_id: null, reviewed_at: at(2), reviewer_name: 'REVIEWERSENT', status: 'LATESTATUSSENT', narrative: 'LATESENT' });
  await update({ state: 'draft', period_id: notOut, status: 'DRAFTSTATUSSENT', narrative: 'DRAFTSENT' });
  await update({ state: 'submitted', period_id: notOut, submitted_at: at(1), status: 'SUBMITTEDSTATUSSENT', narrative: 'SUBMITTEDSENT' });
  await update({ state: 'returned', period_id: out, reviewed_at: at(40), review_comment: 'RETURNCOMMENTSENT', status: 'RETURNEDSTATUSSENT', narrative: 'RETURNEDSENT' });
  const pdf = Buffer.from('%PDF-1.4 sentinel');
  await db.insertInto('evidence_files').values([
    { organisation_id: org, update_id: published, file_name: 'EVIDENCESENT.pdf', content_type: 'application/pdf', size_bytes: pdf.length, data: pdf },
    { organisation_id: org, update_id: future, file_name: 'FUTUREEVIDENCESENT.pdf', content_type: 'application/pdf', size_bytes: pdf.length, data: pdf },
  ]).execute();
  const revision = (values: Record<string, unknown>) =>
    db.insertInto('date_revisions').values({ organisation_id: org, plan_id: plan.id, item_id: action.id, from_text: 'TARGETSENT 2031', from_end: '2031-07-19', agreed_by_name: 'AGREEDBYSENT', ...values } as never).execute();
  await revision({ update_id: published, to_text: 'REVTOSENT', to_end: '2032-02-03', reason: 'REVREASONSENT', agreed_at: at(30) });
  await revision({ update_id: null, to_text: 'IMPORTREVSENT', to_end: '2032-03-04', reason: 'IMPORTREASONSENT', agreed_at: at(4) });
  await revision({ update_id: future, to_text: 'FUTUREREVSENT', to_end: '2033-01-01', reason: 'FUTUREREVREASONSENT', agreed_at: at(1) });
  await revision({ update_id: null, to_text: 'LATEREVSENT', to_end: '2033-02-02', reason: 'LATEREVREASONSENT', agreed_at: at(2) });

  const measure = await db.insertInto('measures').values({ organisation_id: org, plan_id: plan.id, item_id: null, ref: 'M1', title: 'MEASURESENT', unit: 'number', polarity: 'higher_is_better', baseline: null, thresholds: JSON.stringify({ basis: 'percent', amber: 5, red: 10 }), targets: '[]', updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  // Actuals go with their period's papers, as updates do: 4,242 is published, 9,797 (entered after "publish now", papers not out) is not yet.
  const measurePeriods = await loadMeasurePeriods(db, await services.plans.getPlan(ownerActor, plan.id));
  const actual = (label: string, value: number, enteredAt: Date) => {
    const period = measurePeriods.find((candidate) => candidate.label === label);
    if (!period) throw new Error(`No measure period ${label}`);
    return { organisation_id: org, measure_id: measure.id, period_key: period.key, period_label: label, value: JSON.stringify(value), entered_by_name: 'ENTEREDBYSENT', entered_at: enteredAt };
  };
  await db.insertInto('measure_values').values([actual('Papers out', 4242, at(30)), actual('Papers not out', 9797, at(1))]).execute();
  const risk = await db.insertInto('risks').values({
    organisation_id: org, plan_id: plan.id, ref: 'R1', title: 'RISKSENT', cause: 'RISKCAUSESENT', effect: 'RISKEFFECTSENT', owner_person_id: officer.id, owner_name: 'RISKOWNERSENT',
    inherent_likelihood: 4, inherent_impact: 4, residual_likelihood: 1, residual_impact: 1, target_likelihood: null, target_impact: null, controls: JSON.stringify(['RISKCONTROLSENT']),
    review_frequency: 'monthly', next_review_date: day(20), status: 'open', updated_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  // Reviewed today, after "publish now" and in no period: its residual 3 × 5 = 15 is not published yet (1 × 1 = 1 is).
  const ratings = { inherentLikelihood: '4', inherentImpact: '4', residualLikelihood: '3', residualImpact: '5', targetLikelihood: '', targetImpact: '' };
  await services.measures.risks.reviewRisk(ownerActor, plan.id, risk.id, { ratings, note: 'RISKREVIEWNOTESENT', status: 'open' });

  const hidden = await createPlan(db, { organisationId: org, ownerUserId: owner.id, title: 'HIDDENPLANSENT' });
  await createItem(db, { planId: hidden.id, ref: 'H1', title: 'HIDDENITEMSENT' });

  /** Saves the plan's rules through the publishing service (audited, so cached pages are refreshed). */
  async function setRules(visibility: (key: string, index: number) => Visibility, published = true) {
    const current = await services.plans.getPlan(ownerActor, plan.id);
    const rules = publishingRulesOf(current);
    await services.api.publishing.save(ownerActor, plan.id, {
      published,
      daysBeforeMeeting: 5,
      licence: null,
      visibility: Object.fromEntries(rules.fields.map((field, index) => [field.key, visibility(field.key, index)])),
    });
  }

  return {
    organisation,
    owner,
    ownerActor,
    member,
    memberActor,
    lead,
    leadActor,
    plan,
    hiddenPlan: hidden,
    items: { section, action, plain },
    updates: { published, released, future },
    setRules,
  };
}

export type PublishingScenario = Awaited<ReturnType<typeof buildPublishingScenario>>;
