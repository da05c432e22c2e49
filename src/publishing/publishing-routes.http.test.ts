import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createPlan, createUser } from '../../test/factories/factories.ts';
import { publishingRulesOf } from './publishing-rules.ts';
import { VISIBILITIES } from './publishing-fields.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test?.close());

const audit = (planId: string) => test.database.db.selectFrom('audit_log').where('plan_id', '=', planId).where('entity_type', '=', 'plan_publishing').orderBy('id').select(['action', 'before', 'after', 'user_name']).execute();

describe('publishing rules', () => {
  it('start unpublished, with narrative public, corrective action members-only, evidence and risk detail internal', async () => {
    const plan = await createPlan(test.database.db);
    const rules = publishingRulesOf(plan);
    const of = (key: string) => rules.fields.find((f) => f.key === key)?.visibility;
    expect(rules.published).toBe(false);
    expect(rules.daysBeforeMeeting).toBe(5);
    expect([of('narrative'), of('correctiveAction'), of('evidence'), of('risks')]).toEqual(['public', 'members', 'internal', 'internal']);
  });

  it('are set by the plan’s owner or an administrator, with an audit entry for each change', async () => {
    const { user: owner, actor } = await createUser(test.database.db, { roles: ['plan_owner'], name: 'Owner' });
    const plan = await createPlan(test.database.db, { organisationId: actor.organisationId, ownerUserId: owner.id });
    const session = await signInAs(test, owner);
    const page = await session.get(`/plans/${plan.id}/publishing`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('aria-current="page"');
    const fields = publishingRulesOf(plan).fields;
    const form: Record<string, string> = { published: 'yes', daysBeforeMeeting: '7', licenceName: '', licenceUrl: '' };
    fields.forEach((field, index) => { form[`visibility-${index}`] = field.visibility; });
    form[`visibility-${fields.findIndex((f) => f.key === 'narrative')}`] = 'members';
    const saved = await session.post(`/plans/${plan.id}/publishing`, form);
    expect(saved.headers.location).toBe(`/plans/${plan.id}/publishing?done=saved`);
    expect((await audit(plan.id)).map((a) => [a.action, a.before, a.after])).toEqual([
      ['publishing.published', { published: false }, { published: true }],
      ['publishing.daysBeforeMeeting', { daysBeforeMeeting: 5 }, { daysBeforeMeeting: 7 }],
      ['publishing.visibility.narrative', { 'visibility.narrative': 'public' }, { 'visibility.narrative': 'members' }],
    ]);
    expect((await session.post(`/plans/${plan.id}/publishing`, form)).headers.location).toContain('done=unchanged');
    await session.post(`/plans/${plan.id}/publishing/publish-now`, {});
    expect((await audit(plan.id)).at(-1)?.action).toBe('publishing.releasedUpTo');
  });

  it('refuses editors and other owners’ plans, and re-shows the form with errors', async () => {
    const { user: owner, actor } = await createUser(test.database.db, { roles: ['plan_owner'] });
    const plan = await createPlan(test.database.db, { organisationId: actor.organisationId, ownerUserId: owner.id });
    const { user: editor } = await createUser(test.database.db, { organisationId: actor.organisationId, roles: ['editor'] });
    const { user: otherOwner } = await createUser(test.database.db, { organisationId: actor.organisationId, roles: ['plan_owner'] });
    for (const user of [editor, otherOwner]) expect((await (await signInAs(test, user)).get(`/plans/${plan.id}/publishing`)).statusCode).toBe(403);
    const session = await signInAs(test, owner);
    const bad = await session.post(`/plans/${plan.id}/publishing`, { published: '', daysBeforeMeeting: 'soon', licenceName: 'My licence', licenceUrl: '', 'visibility-0': 'everyone' });
    expect(bad.statusCode).toBe(400);
    for (const message of ['Select whether the plan is published', 'whole number from 0 to 90', 'Select who can see this field', 'licence’s web address']) expect(bad.body).toContain(message);
    expect(await audit(plan.id)).toEqual([]);
    expect(VISIBILITIES).toHaveLength(3);
  });

  it('lets an administrator set the organisation’s open-data licence', async () => {
    const { user } = await createUser(test.database.db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    expect((await session.get('/publishing/licence')).body).toContain('Open Government Licence v3.0');
    const saved = await session.post('/publishing/licence', { licenceName: 'Creative Commons Attribution 4.0', licenceUrl: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(saved.statusCode).toBe(303);
    expect((await session.get('/publishing/licence')).body).toContain('Creative Commons Attribution 4.0');
  });
});
