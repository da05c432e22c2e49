import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SECRET, type TestApp } from '../../test/support/test-app.ts';
import { createServices } from '../services.ts';
import { createItem, createPerson, createPlan, createUser } from '../../test/factories/factories.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

let sink: SmtpSink;
let test: TestApp;
beforeAll(async () => {
  sink = await startSmtpSink();
  test = await createTestApp({ smtpUrl: sink.url, baseUrl: 'https://waymark.example' });
});
afterAll(async () => {
  await test?.close();
  await sink?.close();
});

const at = (day: string) => new Date(`${day}T09:00:00`);

/** A live plan from April 2025 with a quarterly cycle: Quarter 1 2025/26 ends 30 June, updates due 10 July 2025. */
async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['plan_owner'], name: 'Olive Owner', email: `olive.${Date.now()}@example.gov.uk` });
  const organisationId = owner.actor.organisationId;
  const plan = await createPlan(db, { organisationId, ownerUserId: owner.user.id, periodStart: '2025-04-01', periodEnd: '2026-03-31', title: 'Corporate Improvement Plan' });
  await test.services.cycles.createCycle(owner.actor, plan.id, { name: 'Quarterly report', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });
  const paul = await createPerson(db, { organisationId, name: 'Paul Smith', email: `paul.${plan.id}@example.gov.uk` });
  const jo = await createUser(db, { organisationId, roles: ['lead'], name: 'Jo Bloggs' });
  await db.updateTable('people').set({ email: null }).where('id', '=', jo.person!.id).execute();
  const done = await createUser(db, { organisationId, roles: ['lead'], name: 'Dee Done' });
  const section = await createItem(db, { planId: plan.id, kind: 'section', ref: '1', title: 'Town centre', leadPersonIds: [paul.id] });
  const engage = await createItem(db, { planId: plan.id, parentId: section.id, ref: '1.1', title: 'Engage consultants', position: 1, leadPersonIds: [paul.id] });
  const consult = await createItem(db, { planId: plan.id, parentId: section.id, ref: '1.2', title: 'Public consultation', position: 2, leadPersonIds: [jo.person!.id, paul.id] });
  const updated = await createItem(db, { planId: plan.id, parentId: section.id, ref: '1.3', title: 'Shop front grants', position: 3, leadPersonIds: [done.person!.id] });
  const form = { status: 'On target', ragProposed: 'green' as const, direction: 'same' as const, percentComplete: null, narrative: 'Grants paid.', correctiveAction: null, revisedTargetText: null, revisionReason: null, intent: 'submit' as const };
  await test.services.updates.saveUpdate(done.actor, plan.id, updated.id, form);
  return { plan, owner, paul, jo, engage, consult };
}

describe('reminders by e-mail', () => {
  it('reminds each lead once before, on and after the due date, and sends the owner one digest of missing updates', async () => {
    const { plan, owner, paul, jo, engage, consult } = await setting();
    const before = await test.services.reminders.runOnce(at('2025-07-05'));
    expect(before.map((s) => [s.kind, s.to, s.subject]).sort()).toEqual(
      [
        ['before', paul.email, 'Update due 10 July 2025: 1.1 Engage consultants'],
        ['before', paul.email, 'Update due 10 July 2025: 1.2 Public consultation'],
        ['before', jo.user.email, 'Update due 10 July 2025: 1.2 Public consultation'],
      ].sort(),
    );
    const received = await sink.waitFor(3);
    const toPaul = received.find((m) => m.to.includes(paul.email!) && m.subject.includes('1.1'));
    expect(toPaul?.text).toContain(`https://waymark.example/plans/${plan.id}/items/${engage.id}/update`);
    expect(toPaul?.text).toContain('Dear Paul Smith,');
    expect(received.find((m) => m.to.includes(jo.user.email))?.text).toContain(`/plans/${plan.id}/items/${consult.id}/update`);

    expect(await test.services.reminders.runOnce(at('2025-07-06'))).toEqual([]);
    expect(sink.messages).toHaveLength(3);

    const onTheDay = await test.services.reminders.runOnce(at('2025-07-10'));
    expect(onTheDay.map((s) => s.subject)).toContain('Update due today, 10 July 2025: 1.1 Engage consultants');
    expect(onTheDay).toHaveLength(3);

    const late = await test.services.reminders.runOnce(at('2025-07-11'));
    expect(late.filter((s) => s.kind === 'overdue')).toHaveLength(3);
    const digest = late.find((s) => s.kind === 'digest');
    expect(digest).toMatchObject({ to: owner.user.email, subject: 'Missing updates (due 10 July 2025): 2 actions in Corporate Improvement Plan' });
    await sink.waitFor(10);
    const digestText = sink.messages.find((m) => m.subject.startsWith('Missing updates'))?.text ?? '';
    expect(digestText).toContain('- 1.1 Engage consultants (lead: Paul Smith)');
    expect(digestText).toContain('- 1.2 Public consultation (lead: Jo Bloggs, Paul Smith)');
    expect(digestText).not.toContain('1.3');

    expect(await test.services.reminders.runOnce(at('2025-07-12'))).toEqual([]);
    expect(sink.messages).toHaveLength(10);
    const logged = await test.database.db.selectFrom('reminder_log').where('organisation_id', '=', owner.actor.organisationId).select('kind').execute();
    expect(logged).toHaveLength(10);
  });

  it('stops reminding a lead once an update is submitted', async () => {
    const { plan, paul, engage } = await setting();
    const admin = await createUser(test.database.db, { organisationId: plan.organisation_id, roles: ['admin'] });
    await test.services.updates.saveUpdate(admin.actor, plan.id, engage.id, { status: 'On target', ragProposed: 'green', direction: null, percentComplete: null, narrative: null, correctiveAction: null, revisedTargetText: null, revisionReason: null, intent: 'submit' });
    const sent = await test.services.reminders.runOnce(at('2025-07-10'));
    expect(sent.filter((s) => s.planId === plan.id && s.to === paul.email).map((s) => s.subject)).toEqual(['Update due today, 10 July 2025: 1.2 Public consultation']);
  });

  it('records nothing when the SMTP server refuses, so the next pass tries again', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const offline = createServices(test.database.db, { secret: TEST_SECRET, baseUrl: 'https://waymark.example', smtpUrl: closed.url, mailFrom: 'w@test.invalid', log: { info: () => {}, warn: () => {}, error: () => {} } });
    const { plan } = await setting();
    expect(await offline.reminders.runOnce(at('2025-07-10'))).toEqual([]);
    const logged = () => test.database.db.selectFrom('reminder_log').innerJoin('periods', 'periods.id', 'reminder_log.period_id').where('periods.plan_id', '=', plan.id).select('kind').execute();
    expect(await logged()).toEqual([]);
    expect((await test.services.reminders.runOnce(at('2025-07-10'))).filter((s) => s.planId === plan.id)).toHaveLength(3);
    expect(await logged()).toHaveLength(3);
  });

  it('reminds a risk’s owner once that its review is overdue (the risks the measures feature lists)', async () => {
    const { plan, paul } = await setting();
    const risk = await test.database.db
      .insertInto('risks')
      .values({ organisation_id: plan.organisation_id, plan_id: plan.id, ref: 'R1', title: 'Loss of key staff', cause: 'Turnover', effect: 'Delay', owner_person_id: paul.id, owner_name: 'Paul Smith', inherent_likelihood: 4, inherent_impact: 4, residual_likelihood: 3, residual_impact: 3, target_likelihood: null, target_impact: null, controls: '[]', review_frequency: 'monthly', next_review_date: '2025-06-30', status: 'open', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = (await test.services.reminders.runOnce(at('2025-07-02'))).filter((s) => s.kind === 'risk_review' && s.planId === plan.id);
    expect(first).toEqual([expect.objectContaining({ to: paul.email, subject: 'Risk review overdue (due 30 June 2025): R1 Loss of key staff' })]);
    expect(sink.messages.find((m) => m.subject.startsWith('Risk review overdue') && m.to.includes(paul.email!))?.text).toContain(`https://waymark.example/plans/${plan.id}/risks/${risk.id}/review`);
    expect((await test.services.reminders.runOnce(at('2025-07-03'))).filter((s) => s.kind === 'risk_review' && s.planId === plan.id)).toEqual([]);
  });
});
