import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

async function setting() {
  const db = test.database.db;
  const admin = await createUser(db, { roles: ['admin'] });
  const plan = await createPlan(db, { organisationId: admin.actor.organisationId, ownerUserId: admin.user.id });
  return { db, admin, plan, session: await signInAs(test, admin.user) };
}

describe('wider implications', () => {
  it('saves the sections of seed 002’s table, refuses an amount that is not in pounds, and shows them', async () => {
    const { plan, session, admin } = await setting();
    const form = {
      financial: 'A £200,000 estimated contingency budget has been included for 2017/18 onwards.',
      financialAmount: '£200,000',
      legal: 'The proposals will enable progress to be made with the Annual Governance Statement.',
      risk: 'The Programme Board is developing a risk register which it will monitor monthly.',
      equality: 'There are no adverse impacts on equality issues',
      hr: 'There may be some re-prioritisation of activities.',
      climate: '',
      otherHeading: 'Health and safety',
      other: 'None.',
    };
    const bad = await session.post(`/plans/${plan.id}/implications/edit`, { ...form, financialAmount: 'two hundred grand' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Amount must be in pounds, like 200000 or £200,000.50');
    expect(await test.database.db.selectFrom('plan_implications').where('plan_id', '=', plan.id).selectAll().execute()).toHaveLength(0);

    expect((await session.post(`/plans/${plan.id}/implications/edit`, form)).statusCode).toBe(303);
    const page = await session.get(`/plans/${plan.id}/implications`);
    expect(page.body).toContain('Amount: £200,000');
    expect(page.body).toContain('Other: Health and safety');
    expect(page.body).toContain('Not recorded: climate and sustainability.');
    const forReports = await test.services.measures.implicationsFor(admin.actor, plan.id);
    expect(forReports.map((implication) => [implication.category, implication.amount])).toEqual([
      ['financial', 200000],
      ['legal', null],
      ['risk', null],
      ['equality', null],
      ['hr', null],
      ['other', null],
    ]);
  });
});

describe('wider implications on the plan page', () => {
  it('shows only the headings with content, at once after a change, with change links for those who may edit', async () => {
    const { db, admin, plan, session } = await setting();
    const before = await session.get(`/plans/${plan.id}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('Wider implications');

    await session.post(`/plans/${plan.id}/implications/edit`, { financial: 'A £200,000 contingency budget.', financialAmount: '200000', legal: 'Powers under the Local Government Act 2000.' });
    const page = await session.get(`/plans/${plan.id}`);
    const section = page.body.slice(page.body.indexOf('Wider implications'), page.body.indexOf('Filter the plan'));
    for (const text of ['Financial', 'A £200,000 contingency budget.', 'Amount: £200,000', 'Legal', 'Powers under the Local Government Act 2000.']) expect(section).toContain(text);
    expect(section).not.toContain('Climate and sustainability');
    expect(section).toContain(`href="/plans/${plan.id}/implications/edit#financial">Change<span class="govuk-visually-hidden"> financial implications</span>`);
    expect(section).toContain(`href="/plans/${plan.id}/implications/edit">Edit wider implications</a>`);

    await session.post(`/plans/${plan.id}/implications/edit`, { climate: 'A 5% cut in the council’s carbon emissions.' });
    const changed = await session.get(`/plans/${plan.id}`);
    expect(changed.body).toContain('A 5% cut in the council’s carbon emissions.');
    expect(changed.body).not.toContain('A £200,000 contingency budget.');

    const viewer = await createUser(db, { roles: ['viewer'], organisationId: admin.actor.organisationId });
    const read = await (await signInAs(test, viewer.user)).get(`/plans/${plan.id}`);
    expect(read.body).toContain('A 5% cut in the council’s carbon emissions.');
    expect(read.body).not.toContain('/implications/edit');
  });
});
