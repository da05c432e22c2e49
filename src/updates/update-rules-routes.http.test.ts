import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';
import { InvalidFields } from '../errors.ts';
import type { UpdateForm } from './update-form.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const rulesForm = (values: Record<string, string | string[]> = {}) => ({
  ragMode: 'schedule', amberDays: '14', completeRag: 'green', rollup: 'share', correctiveActionOn: ['red', 'amber'],
  usesPercentComplete: 'yes', evidenceRequiredForComplete: 'no', openStatuses: 'Not started\nOn track\nBehind', completeStatuses: 'Done',
  ...values,
});

const update = (values: Partial<UpdateForm>): UpdateForm => ({
  status: 'On track', ragProposed: 'green', direction: 'same', percentComplete: null, narrative: 'Work continues.', correctiveAction: null,
  revisedTargetText: null, revisionReason: null, intent: 'submit', ...values,
});

async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['plan_owner', 'reviewer'], name: 'Olive Owner' });
  const lead = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'], name: 'Lee Lead' });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id, periodStart: '2025-04-01' });
  const item = await createItem(db, { planId: plan.id, ref: '1.1', title: 'Review the constitution', leadPersonIds: [lead.person!.id] });
  const settingsOf = async () => (await db.selectFrom('plans').where('id', '=', plan.id).select('settings').executeTakeFirstOrThrow()).settings;
  const audits = async () => Number((await db.selectFrom('audit_log').where('plan_id', '=', plan.id).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { owner, lead, plan, item, settingsOf, audits, ownerSession: await signInAs(test, owner.user), leadSession: await signInAs(test, lead.user) };
}

describe('a plan’s update rules', () => {
  it('shows the defaults, saves new rules with an audit entry, and the update form and checks follow them', async () => {
    const { lead, plan, item, settingsOf, audits, ownerSession, leadSession } = await setting();
    const page = await ownerSession.get(`/plans/${plan.id}/rules`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Save update rules');
    expect(page.body).toMatch(/<textarea[^>]*name="completeStatuses"[^>]*>Achieved\nCompleted<\/textarea>/);

    const before = await audits();
    const saved = await ownerSession.post(`/plans/${plan.id}/rules`, rulesForm());
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`/plans/${plan.id}/rules?saved=rules`);
    expect(await settingsOf()).toMatchObject({
      ragMode: 'schedule', amberDays: 14, completeRag: 'green', rollup: 'share', correctiveActionOn: ['red', 'amber'], usesPercentComplete: true, evidenceRequiredForComplete: false,
      statuses: [{ label: 'Not started', complete: false }, { label: 'On track', complete: false }, { label: 'Behind', complete: false }, { label: 'Done', complete: true }],
    });
    expect(await audits()).toBe(before + 1);
    expect((await ownerSession.get(`/plans/${plan.id}/rules?saved=rules`)).body).toContain('Update rules saved');

    // The lead's form offers the plan's words and the percentage; amber now needs a corrective action.
    const form = await leadSession.get(`/plans/${plan.id}/items/${item.id}/update`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="On track"');
    expect(form.body).toContain('id="percentComplete"');
    const refused = await test.services.updates.saveUpdate(lead.actor, plan.id, item.id, update({ status: 'Behind', ragProposed: 'amber' })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidFields);
    expect((refused as InvalidFields).issues.map((issue) => issue.path)).toContain('correctiveAction');
  });

  it('re-renders with an error summary and the typed values for bad rules, and changes nothing', async () => {
    const { plan, settingsOf, audits, ownerSession } = await setting();
    const before = [await settingsOf(), await audits()];
    const cases: [Record<string, string | string[]>, string][] = [
      [{ amberDays: 'soon' }, 'Days before the target date must be a number'],
      [{ amberDays: '400' }, 'Days before the target date must be 365 or fewer'],
      [{ ragMode: 'psychic' }, 'Select how the suggested RAG rating is worked out'],
      [{ completeStatuses: '  \n ' }, 'Enter at least one status that means complete'],
      [{ completeStatuses: 'Done\nbehind' }, '“behind” is entered twice: each status must appear once'],
      [{ openStatuses: 'x'.repeat(61) }, 'Each status must be 60 characters or fewer'],
      [{ correctiveActionOn: ['purple'] }, 'Select red, amber or neither'],
    ];
    for (const [values, message] of cases) {
      const response = await ownerSession.post(`/plans/${plan.id}/rules`, rulesForm({ ...values, openStatuses: (values.openStatuses as string | undefined) ?? 'Not started\nTyped by hand\nBehind' }));
      expect(response.statusCode, message).toBe(400);
      expect(response.body).toContain('There is a problem');
      expect(response.body).toContain(message);
      if (!values.openStatuses) expect(response.body).toContain('Typed by hand');
    }
    expect([await settingsOf(), await audits()]).toEqual(before);
  });

  it('lets a lead read the rules but not change them', async () => {
    const { plan, settingsOf, leadSession } = await setting();
    const page = await leadSession.get(`/plans/${plan.id}/rules`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Save update rules');
    expect(page.body).toContain('Corrective action required on');
    const before = await settingsOf();
    expect((await leadSession.post(`/plans/${plan.id}/rules`, rulesForm())).statusCode).toBe(403);
    expect(await settingsOf()).toEqual(before);
  });
});
