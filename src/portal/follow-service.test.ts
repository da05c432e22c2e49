import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { startSmtpSink, type SmtpSink } from '../reminders/smtp-sink.ts';
import { buildPublishingScenario, type PublishingScenario } from '../publishing/publishing-scenario.test-support.ts';

let sink: SmtpSink;
let test: TestApp;
let scenario: PublishingScenario;

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await createTestApp({ smtpUrl: sink.url, baseUrl: 'https://waymark.example' });
  scenario = await buildPublishingScenario(test.database.db, test.services);
  await scenario.setRules((key) => (key === 'correctiveAction' ? 'members' : key === 'narrative' ? 'public' : key === 'status' ? 'internal' : 'public'));
}, 60_000);
afterAll(async () => {
  await test?.close();
  await sink?.close();
});

describe('members following an action', () => {
  it('follow from the action’s page, are e-mailed once when a new update is published, and can stop', async () => {
    const member = await signInAs(test, scenario.member);
    const itemPath = `/members/plans/${scenario.plan.id}/items/${scenario.items.action.id}`;
    expect((await member.get(itemPath)).body).toContain('Follow this action');
    const followed = await member.post(`${itemPath}/follow`, {});
    expect(followed.headers.location).toBe(`${itemPath}?done=followed`);
    expect((await member.get(`${itemPath}?done=followed`)).body).toContain('Stop following');
    expect((await member.get('/members')).body).toContain('REFSENT1 TITLESENT action');

    // Updates published before the member followed are not news; those not yet published are not sent.
    expect(await test.services.api.follows.notifyDue()).toBe(0);
    await test.services.api.publishing.publishNow(scenario.ownerActor, scenario.plan.id);
    expect(await test.services.api.follows.notifyDue()).toBe(2);
    const mails = await sink.waitFor(2);
    expect(mails.map((mail) => mail.to)).toEqual([[scenario.member.email], [scenario.member.email]]);
    expect(mails.map((mail) => mail.subject)).toEqual(['New update on REFSENT1 TITLESENT action', 'New update on REFSENT1 TITLESENT action']);
    const text = mails.map((mail) => mail.text).join('\n');
    for (const published of ['LATESENT', 'FUTURESENT', 'FUTURECORRSENT', `https://waymark.example${itemPath}`]) expect(text).toContain(published);
    for (const internal of ['LATESTATUSSENT', 'FUTURESTATUSSENT', 'AUTHORSENT']) expect(text).not.toContain(internal);
    expect(await test.services.api.follows.notifyDue()).toBe(0);

    await member.post(`${itemPath}/unfollow`, {});
    expect(await test.database.db.selectFrom('follows').selectAll().execute()).toEqual([]);
  });

  it('is only for people of the organisation who are signed in, on published plans', async () => {
    const anonymous = await test.app.inject({ url: '/members' });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe('/sign-in?returnTo=%2Fmembers');
    const member = await signInAs(test, scenario.member);
    expect((await member.post(`/members/plans/${scenario.hiddenPlan.id}/items/${scenario.items.action.id}/follow`, {})).statusCode).toBe(404);
    expect((await member.post(`/members/plans/${scenario.plan.id}/items/${scenario.items.action.id}/follow`, {}, { csrf: 'wrong' })).statusCode).toBe(403);
  });
});
