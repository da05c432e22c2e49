import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, signInAs, type Session, type TestApp } from '../../test/support/test-app.ts';
import { startSmtpSink, type SmtpSink } from '../reminders/smtp-sink.ts';
import { buildPublishingScenario, type PublishingScenario } from '../publishing/publishing-scenario.test-support.ts';
import { audienceSees, fieldsOfPlan, VISIBILITIES, type Audience, type Visibility } from '../publishing/publishing-fields.ts';
import { callApi } from '../api/api-test-client.test-support.ts';
import { memberText, publicText } from './published-surfaces.test-support.ts';

/** Strings that prove a field was sent: each field of the catalogue has its own, set in the scenario. */
const FIELD_NEEDLES: Record<string, string[]> = {
  ref: ['REFSENT1'],
  title: ['TITLESENT'],
  detail: ['DETAILSENT'],
  priority: ['PRIOSENT'],
  corporatePriorities: ['CORPSENT'],
  leads: ['LEADSENT'],
  leadMembers: ['MEMBERSENT'],
  target: ['TARGETSENT', '2031-07-19', '19 July 2031'],
  plannedMonths: ['PLANNEDSENT'],
  revisedDates: ['REVTOSENT', 'REVREASONSENT', 'UPDREVSENT', 'UPDREASONSENT', 'IMPORTREVSENT', 'IMPORTREASONSENT', '2032-02-03'],
  resources: ['RESOURCESENT'],
  status: ['STATUSSENT'],
  rag: ['waymark-rag--amber', '"rag":"amber"', 'RAG rating: Amber', ',Amber,'],
  direction: ['Getting worse', '"direction":"worse"'],
  narrative: ['NARRATIVESENT', 'RELEASEDSENT'],
  correctiveAction: ['CORRECTIVESENT'],
  percentComplete: ['73%', '"percentComplete":73'],
  evidence: ['EVIDENCESENT.pdf'],
  measures: ['MEASURESENT'],
  risks: ['RISKSENT', 'RISKOWNERSENT'],
  'custom:budget': ['CUSTOMSENT', 'CUSTOMLABELSENT'],
};

/** Never published, whatever the rules: who wrote and reviewed, drafts, returned updates, unpublished plans. */
const NEVER = ['AUTHORSENT', 'REVIEWERSENT', 'REVIEWCOMMENTSENT', 'AGREEDBYSENT', 'ROLETITLESENT', 'INITSENT', 'emailsent@', 'PLANSOURCESENT', 'PLANNARRATIVESENT',
  'RISKCAUSESENT', 'RISKEFFECTSENT', 'RISKCONTROLSENT', 'HIDDENPLANSENT', 'HIDDENITEMSENT', 'DRAFTSENT', 'DRAFTSTATUSSENT', 'SUBMITTEDSENT', 'SUBMITTEDSTATUSSENT',
  'RETURNEDSENT', 'RETURNEDSTATUSSENT', 'RETURNCOMMENTSENT', 'ENTEREDBYSENT', 'RISKREVIEWNOTESENT'];

/** A measure's actual for a period whose papers are not out, and a risk's rating from a review not yet published. */
const FUTURE_ACTUAL = '9,797';
const FUTURE_RISK_RATING = '3 × 5 = 15';

/** Approved, but not yet at their publication day (papers not out, or approved after "publish now"). */
const NOT_YET = ['FUTURESENT', 'FUTURESTATUSSENT', 'FUTURECORRSENT', 'FUTUREUPDREVSENT', 'FUTUREREASONSENT', 'FUTUREEVIDENCESENT', 'FUTUREREVSENT', 'FUTUREREVREASONSENT',
  'LATESENT', 'LATESTATUSSENT', 'LATEREVSENT', 'LATEREVREASONSENT', FUTURE_ACTUAL, FUTURE_RISK_RATING];

/** Every column of the tables behind an action and its updates, and the field (or rule) that governs it. */
const COLUMNS: Record<string, Record<string, string>> = {
  items: { id: 'structure', organisation_id: 'structure', plan_id: 'structure', parent_id: 'structure', position: 'structure', kind: 'structure', ref: 'ref', ref_key: 'never', title: 'title', detail: 'detail', priority: 'priority', corporate_priorities: 'corporatePriorities', target_text: 'target', target_start: 'target', target_end: 'target', target_precision: 'never', planned_months: 'plannedMonths', resources: 'resources', custom_values: 'custom:budget', version: 'never', created_at: 'never', updated_at: 'never' },
  updates: { id: 'structure', organisation_id: 'structure', plan_id: 'structure', item_id: 'structure', period_id: 'structure', state: 'only approved', as_of: 'structure', status: 'status', rag_proposed: 'rag', rag_confirmed: 'rag', direction: 'direction', percent_complete: 'percentComplete', narrative: 'narrative', corrective_action: 'correctiveAction', revised_target_text: 'revisedDates', revised_target_start: 'never', revised_target_end: 'never', revision_reason: 'revisedDates', author_user_id: 'never', author_name: 'never', submitted_at: 'never', reviewer_user_id: 'never', reviewer_name: 'never', reviewed_at: 'publication day', review_comment: 'never', source: 'never', version: 'never', created_at: 'never', updated_at: 'never' },
  date_revisions: { id: 'structure', organisation_id: 'structure', plan_id: 'structure', item_id: 'structure', update_id: 'publication day', from_text: 'target', from_end: 'never', to_text: 'revisedDates', to_start: 'never', to_end: 'revisedDates', reason: 'revisedDates', agreed_by_user_id: 'never', agreed_by_name: 'never', agreed_at: 'revisedDates' },
  evidence_files: { id: 'structure', organisation_id: 'structure', update_id: 'structure', file_name: 'evidence', content_type: 'evidence', size_bytes: 'evidence', data: 'evidence', created_at: 'never' },
  people: { id: 'structure', organisation_id: 'structure', name: 'leads', role_title: 'never', initials: 'never', kind: 'never', email: 'never', user_id: 'never', created_at: 'never' },
  item_people: { organisation_id: 'structure', item_id: 'structure', person_id: 'structure', role: 'structure', position: 'structure' },
};

let test: TestApp;
let sink: SmtpSink;
let scenario: PublishingScenario;
let member: Session;
let memberToken = '';
let officerToken = '';

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await createTestApp({ smtpUrl: sink.url });
  test.services.api.limits.perMinute = 100_000;
  scenario = await buildPublishingScenario(test.database.db, test.services);
  member = await signInAs(test, scenario.member);
  memberToken = (await test.services.api.tokens.create(scenario.memberActor, { name: 'Members’ dashboard', scopes: ['read'] })).token;
  officerToken = (await test.services.api.tokens.create(scenario.ownerActor, { name: 'Officers’ dashboard', scopes: ['read'] })).token;
  await scenario.setRules(() => 'public');
  await test.services.api.follows.follow(scenario.memberActor, scenario.plan.id, scenario.items.action.id);
}, 60_000);
afterAll(async () => {
  await test?.close();
  await sink?.close();
});

/** The follow e-mails a member would get now: earlier notices are forgotten and the follow dated back first. */
async function followMails(): Promise<string> {
  const db = test.database.db;
  await db.deleteFrom('follow_notices').execute();
  await db.updateTable('follows').set({ created_at: sql<Date>`now() - interval '400 days'` } as never).execute();
  const before = sink.messages.length;
  const sent = await test.services.api.follows.notifyDue();
  expect(sent).toBe(2);
  const mails = await sink.waitFor(before + sent);
  return mails.slice(before).map((mail) => `${mail.subject}\n${mail.text}`).join('\n');
}

function expectVisibleExactly(text: string, audience: Audience, visibility: (key: string) => Visibility) {
  for (const [field, needles] of Object.entries(FIELD_NEEDLES)) {
    const shown = audienceSees(audience, visibility(field));
    if (shown) expect(needles.some((needle) => text.includes(needle)), `${audience} should see ${field} (${visibility(field)})`).toBe(true);
    else for (const needle of needles) expect(text.includes(needle), `${audience} must not see ${field} (${visibility(field)}): found ${needle}`).toBe(false);
  }
  for (const needle of [...NEVER, ...NOT_YET]) expect(text.includes(needle), `${audience} must never see ${needle}`).toBe(false);
}

describe('published surfaces never return what the plan keeps internal, nor anything before its publication day', () => {
  it('has a sentinel for every publishable field and a rule for every column behind an action and its updates', async () => {
    expect(Object.keys(FIELD_NEEDLES).sort()).toEqual(fieldsOfPlan(scenario.plan.custom_fields.length ? scenario.plan.custom_fields : [{ key: 'budget', label: '' }]).map((f) => f.key).sort());
    const rows = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and table_name in ('items', 'updates', 'date_revisions', 'evidence_files', 'people', 'item_people')`.execute(test.database.db);
    const unclassified = rows.rows.filter((row) => COLUMNS[row.table_name]?.[row.column_name] === undefined).map((row) => `${row.table_name}.${row.column_name}`);
    expect(unclassified).toEqual([]);
  });

  for (const round of [0, 1, 2]) {
    const visibilityOf = (index: number) => VISIBILITIES[(index + round) % 3] as Visibility;
    it(`round ${round + 1}: each field public, members-only or internal in turn`, async () => {
      const keys = Object.keys(FIELD_NEEDLES);
      const visibility = (key: string) => visibilityOf(keys.indexOf(key));
      await scenario.setRules((key) => visibility(key));
      expectVisibleExactly(await publicText(test, scenario), 'public', visibility);
      expectVisibleExactly(await memberText(test, scenario, member, memberToken, followMails), 'members', visibility);
    }, 120_000);
  }

  it('officers’ tokens do reach what is not yet published, so the checks above could fail', async () => {
    await scenario.setRules(() => 'internal');
    const answer = await callApi(test, 'listUpdates', { params: { planId: scenario.plan.id }, token: officerToken });
    for (const needle of ['FUTURESENT', 'LATESENT', 'NARRATIVESENT', 'EVIDENCESENT.pdf', 'AMBER'.toLowerCase()]) expect(answer.response.body).toContain(needle);
    for (const needle of ['DRAFTSENT', 'SUBMITTEDSENT', 'RETURNEDSENT', 'AUTHORSENT', 'REVIEWCOMMENTSENT']) expect(answer.response.body).not.toContain(needle);
    const anonymous = await callApi(test, 'listUpdates', { params: { planId: scenario.plan.id } });
    expect(anonymous.response.body).not.toContain('NARRATIVESENT');
    const measures = await callApi(test, 'listMeasures', { params: { planId: scenario.plan.id }, token: officerToken });
    expect(measures.json).toMatchObject({ data: [{ name: 'MEASURESENT', latest: FUTURE_ACTUAL, trendLabel: 'Improving ↑' }] });
    const risks = await callApi(test, 'listRisks', { params: { planId: scenario.plan.id }, token: officerToken });
    expect(risks.json).toMatchObject({ data: [{ title: 'RISKSENT', residual: expect.stringContaining(FUTURE_RISK_RATING) as unknown }] });
  });

  it('publishes actuals and risk reviews with their papers (or “publish now”), like updates, on every surface', async () => {
    await scenario.setRules(() => 'public');
    const planId = scenario.plan.id;
    const base = `/public/${scenario.organisation.slug}/plans/${planId}`;
    const everywhere = async () => {
      const measures = await callApi(test, 'listMeasures', { params: { planId } });
      const risks = await callApi(test, 'listRisks', { params: { planId }, token: memberToken });
      const [page, json] = await Promise.all([test.app.inject({ url: base }), test.app.inject({ url: `${base}/open-data.json` })]);
      const memberPage = await member.get(`/members/plans/${planId}`);
      return { measures: measures.json, risks: risks.json, page: page.body, json: json.body, memberPage: memberPage.body };
    };
    const before = await everywhere();
    expect(before.measures).toMatchObject({ data: [{ name: 'MEASURESENT', latest: '4,242', latestPeriod: 'Papers out', trendLabel: null }] });
    expect(before.risks).toMatchObject({ data: [{ title: 'RISKSENT', residual: expect.stringContaining('1 × 1 = 1') as unknown }] });
    for (const text of [before.page, before.json, before.memberPage]) {
      expect(text).toContain('4,242');
      expect(text).toContain('1 × 1 = 1');
      expect(text).not.toContain(FUTURE_ACTUAL);
      expect(text).not.toContain(FUTURE_RISK_RATING);
    }

    await test.services.api.publishing.publishNow(scenario.ownerActor, planId);
    const after = await everywhere();
    expect(after.measures).toMatchObject({ data: [{ latest: FUTURE_ACTUAL, latestPeriod: 'Papers not out', trendLabel: 'Improving ↑' }] });
    expect(after.risks).toMatchObject({ data: [{ residual: expect.stringContaining(FUTURE_RISK_RATING) as unknown }] });
    for (const text of [after.page, after.json, after.memberPage]) {
      expect(text).toContain(FUTURE_ACTUAL);
      expect(text).toContain(FUTURE_RISK_RATING);
    }
  });
});
