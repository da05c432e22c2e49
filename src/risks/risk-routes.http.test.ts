import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPerson, createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

async function setting() {
  const db = test.database.db;
  const admin = await createUser(db, { roles: ['admin'] });
  const owner = await createPerson(db, { organisationId: admin.actor.organisationId, name: 'Interim Chief Executive' });
  const plan = await createPlan(db, { organisationId: admin.actor.organisationId });
  const action = await createItem(db, { planId: plan.id, ref: '4', title: 'Develop a risk register for the Improvement Plan' });
  const form = (values: Record<string, string> = {}) => ({
    ref: 'R1',
    title: 'Capacity to deliver the plan',
    cause: 'Senior officers are stretched',
    effect: 'Milestones slip',
    owner: owner.id,
    inherentLikelihood: '4',
    inherentImpact: '5',
    residualLikelihood: '2',
    residualImpact: '4',
    targetLikelihood: '',
    targetImpact: '',
    controls: 'Monthly programme board',
    reviewFrequency: 'monthly',
    linkedItemIds: action.id,
    ...values,
  });
  return { db, admin, plan, form, session: await signInAs(test, admin.user) };
}

const countRisks = async (planId: string) => (await test.database.db.selectFrom('risks').where('plan_id', '=', planId).select('id').execute()).length;

describe('risk pages', () => {
  it('refuses a likelihood of 7 on a 5×5 scale with an error summary, saving nothing', async () => {
    const { plan, form, session } = await setting();
    const response = await session.post(`/plans/${plan.id}/risks/new`, form({ residualLikelihood: '7' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('<a href="#residualLikelihood">Likelihood must be between 1 and 5</a>');
    expect(response.body).toContain('7 (not on this scale)');
    expect(response.body).toContain('value="Capacity to deliver the plan"');
    expect(await countRisks(plan.id)).toBe(0);
  });

  it('adds a risk, shows it in the register, on its page, and on the heat map by residual or inherent rating', async () => {
    const { plan, form, session } = await setting();
    const created = await session.post(`/plans/${plan.id}/risks/new`, form());
    expect(created.statusCode, created.body).toBe(303);
    const riskUrl = (created.headers.location as string).split('?')[0] as string;
    const register = await session.get(`/plans/${plan.id}/risks`);
    expect(register.body).toContain('Capacity to deliver the plan');
    expect(register.body).toContain('8 Medium');
    const page = await session.get(riskUrl);
    expect(page.body).toContain('4 × 5 = 20, High');
    expect(page.body).toContain('Develop a risk register for the Improvement Plan');
    const heat = await session.get(`/plans/${plan.id}/risks/heat-map`);
    expect(heat.body).toMatch(/Impact 4: Major<\/th>\s*<td[^>]*>\s*<span class="govuk-body-s">4 Low<\/span>\s*<\/td>\s*<td[^>]*>\s*<span class="govuk-body-s">8 Medium<\/span>\s*<br><a/);
    expect(heat.body).toContain('<svg');
    const inherent = await session.get(`/plans/${plan.id}/risks/heat-map?rating=inherent`);
    expect(inherent.body).toMatch(/Impact 5: Catastrophic<\/th>(\s*<td[^>]*>\s*<span class="govuk-body-s">\d+ \w+<\/span>\s*<\/td>){3}\s*<td[^>]*>\s*<span class="govuk-body-s">20 High<\/span>\s*<br><a/);

    const reviewed = await session.post(`${riskUrl}/review`, { ...form({ residualLikelihood: '1' }), note: 'Board meets monthly', status: 'open' });
    expect(reviewed.statusCode, reviewed.body).toBe(303);
    expect((await session.get(riskUrl)).body).toContain('Board meets monthly');
    const badReview = await session.post(`${riskUrl}/review`, { ...form({ inherentImpact: '0' }), note: '' });
    expect(badReview.statusCode).toBe(400);
    expect(badReview.body).toContain('Impact must be between 1 and 5');
  });

  it('keeps a viewer to reading (403) and another organisation out (404)', async () => {
    const { db, admin, plan, form, session } = await setting();
    const created = await session.post(`/plans/${plan.id}/risks/new`, form());
    const riskUrl = (created.headers.location as string).split('?')[0] as string;
    const viewer = await createUser(db, { organisationId: admin.actor.organisationId, roles: ['viewer'] });
    const reader = await signInAs(test, viewer.user);
    expect((await reader.get(riskUrl)).statusCode).toBe(200);
    expect((await reader.post(`/plans/${plan.id}/risks/new`, form({ ref: 'R9' }))).statusCode).toBe(403);
    expect((await reader.post(`${riskUrl}/review`, form())).statusCode).toBe(403);
    expect((await reader.post(`/plans/${plan.id}/risks/scale`, { scale: '3x3' })).statusCode).toBe(403);
    expect(await countRisks(plan.id)).toBe(1);

    const stranger = await createUser(db, { organisationId: (await createOrganisation(db)).id, roles: ['admin'] });
    const outsider = await signInAs(test, stranger.user);
    for (const url of [`/plans/${plan.id}/risks`, riskUrl, `${riskUrl}/edit`, `${riskUrl}/review`, `/plans/${plan.id}/risks/heat-map`, `/plans/${plan.id}/risks/scale`]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    }
    expect((await outsider.post(`${riskUrl}/edit`, form())).statusCode).toBe(404);
  });
});
