import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';
import type { UpdateForm } from './update-form.ts';
import { AppError, InvalidFields } from '../errors.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const form = (values: Partial<UpdateForm> = {}): UpdateForm => ({
  status: 'On target',
  ragProposed: 'green',
  direction: 'same',
  percentComplete: null,
  narrative: 'Work continues.',
  correctiveAction: null,
  revisedTargetText: null,
  revisionReason: null,
  intent: 'submit',
  ...values,
});

async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['admin', 'reviewer'], name: 'Rita Reviewer' });
  const lead = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'], name: 'Lee Lead' });
  const other = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'], name: 'Olga Other' });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id, periodStart: '2015-01-01' });
  const item = await createItem(db, { planId: plan.id, ref: '1.1', title: 'Review the constitution', targetText: '31/03/15', targetStart: '2015-03-31', targetEnd: '2015-03-31', leadPersonIds: [lead.person!.id] });
  return { owner, lead, other, plan, item };
}

describe('the update cycle', () => {
  it('lets a lead submit an amber update with a revised date; the reviewer confirms it as red and the date revision is agreed', async () => {
    const { owner, lead, plan, item } = await setting();
    const submitted = await test.services.updates.saveUpdate(lead.actor, plan.id, item.id, form({ ragProposed: 'amber', status: 'At risk', revisedTargetText: '30/06/15', revisionReason: 'Waiting for the external review' }));
    expect(submitted.state).toBe('submitted');

    const approved = await test.services.updates.review(owner.actor, submitted.id, { decision: 'approve', ragConfirmed: 'red', comment: null });
    expect(approved.rag_proposed).toBe('amber');
    expect(approved.rag_confirmed).toBe('red');

    const panel = await test.services.updatePanels.itemPanel(owner.actor, plan, item);
    expect(panel.revisions[0]?.sentence).toMatch(/^Revised from 31\/03\/15 to 30\/06\/15: Waiting for the external review \(agreed by Rita Reviewer, \d+ \w+ \d{4}\)$/);
    expect(panel.current?.rag).toBe('red');
    expect(panel.current?.slipCount).toBe(1);
    expect(panel.current?.daysSlipped).toBe(91);

    const original = await test.database.db.selectFrom('items').where('id', '=', item.id).select(['target_text', 'target_end']).executeTakeFirstOrThrow();
    expect(original).toEqual({ target_text: '31/03/15', target_end: '2015-03-31' });
  });

  it('refuses a missing corrective action on red, a revised date before the start, and a reason without a date — saving nothing', async () => {
    const { lead, plan, item } = await setting();
    const attempts: [Partial<UpdateForm>, string][] = [
      [{ ragProposed: 'red', status: 'Off target' }, 'correctiveAction'],
      [{ revisedTargetText: '01/01/2014', revisionReason: 'Too late' }, 'revisedTargetText'],
      [{ revisionReason: 'No date given' }, 'revisedTargetText'],
      [{ revisedTargetText: 'June 2015' }, 'revisionReason'],
      [{ status: 'Made up status' }, 'status'],
    ];
    for (const [values, field] of attempts) {
      const error = await test.services.updates.saveUpdate(lead.actor, plan.id, item.id, form(values)).catch((e: unknown) => e);
      expect(error, JSON.stringify(values)).toBeInstanceOf(InvalidFields);
      expect((error as InvalidFields).issues.map((i) => i.path)).toContain(field);
    }
    const saved = await test.database.db.selectFrom('updates').where('item_id', '=', item.id).selectAll().execute();
    expect(saved).toHaveLength(0);
  });

  it('stops a lead updating another lead’s action', async () => {
    const { other, plan, item } = await setting();
    const error = await test.services.updates.saveUpdate(other.actor, plan.id, item.id, form()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
  });

  it('keeps drafts, and refuses a stale draft save naming who changed it', async () => {
    const { lead, plan, item } = await setting();
    const draft = await test.services.updates.saveUpdate(lead.actor, plan.id, item.id, form({ intent: 'draft', narrative: 'First go' }));
    expect(draft.state).toBe('draft');
    await test.services.updates.saveUpdate(lead.actor, plan.id, item.id, form({ intent: 'draft', narrative: 'Second go' }), { draftId: draft.id, version: draft.version });
    const stale = await test.services.updates.saveUpdate(lead.actor, plan.id, item.id, form({ intent: 'draft', narrative: 'Stale' }), { draftId: draft.id, version: draft.version }).catch((e: unknown) => e);
    expect((stale as AppError).code).toBe('conflict');
    expect((stale as AppError).message).toContain('Lee Lead changed this draft');
    const kept = await test.database.db.selectFrom('updates').where('id', '=', draft.id).select('narrative').executeTakeFirstOrThrow();
    expect(kept.narrative).toBe('Second go');
  });

  it('shows the plan as at a past date: statuses approved later are not there', async () => {
    const { owner, lead, plan, item } = await setting();
    const update = await test.services.updates.saveUpdate(lead.actor, plan.id, item.id, form({ status: 'Achieved', ragProposed: 'blue' }));
    await test.services.updates.review(owner.actor, update.id, { decision: 'approve', ragConfirmed: 'blue', comment: null });
    const now = await test.services.status.statuses(owner.actor, plan.id, null);
    const yesterday = await test.services.status.statuses(owner.actor, plan.id, new Date(Date.now() - 86_400_000));
    expect(now.get(item.id)?.status).toBe('Achieved');
    expect(yesterday.get(item.id)?.status).toBeNull();
  });
});
