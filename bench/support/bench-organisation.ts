import type { Db } from '../../src/db/connection.ts';
import { sql } from 'kysely';
import { insertBenchPlan } from './bench-plan.ts';
import { insertInChunks } from '../../src/imports/save/insert-in-chunks.ts';

const STATUSES = ['Not started', 'On target', 'On target', 'At risk', 'Achieved'] as const;
const RAG = { 'Not started': null, 'On target': 'green', 'At risk': 'amber', Achieved: 'blue' } as const;

/**
 * The benchmark organisation's plan: `actions` actions in 4 levels, 4 approved updates per action (a year of
 * quarters), 10% of actions depending on the one before, and a revised date on every 20th action. Written in
 * batches straight to the tables: this is set-up, not what is measured.
 */
export async function insertBenchOrganisationPlan(db: Db, organisationId: string, ownerUserId: string, actions: number) {
  const bench = await insertBenchPlan(db, organisationId, ownerUserId, actions);
  const planId = bench.plan.id;
  const quarters = ['2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31'];
  const now = Date.now();
  const updates = bench.actionIds.flatMap((itemId, i) =>
    quarters.map((asOf, q) => {
      const status = STATUSES[(i + q) % STATUSES.length] ?? 'On target';
      const reviewed = new Date(now - (quarters.length - q) * 86_400_000 * 30);
      return {
        organisation_id: organisationId,
        plan_id: planId,
        item_id: itemId,
        state: 'approved' as const,
        as_of: asOf,
        status,
        rag_proposed: RAG[status],
        rag_confirmed: RAG[status],
        direction: 'same' as const,
        narrative: `Quarter ${q + 1}: progress on this action is as planned; partners have been engaged and the next steps agreed.`,
        author_name: 'Bench lead',
        reviewer_name: 'Bench reviewer',
        submitted_at: reviewed,
        reviewed_at: reviewed,
        updated_at: reviewed,
      };
    }),
  );
  await insertInChunks(updates, 500, (chunk) => db.insertInto('updates').values(chunk).execute());
  const relations = bench.actionIds
    .map((id, i) => ({ id, i }))
    .filter(({ i }) => i > 0 && i % 10 === 0)
    .map(({ id, i }) => ({ organisation_id: organisationId, plan_id: planId, from_item_id: id, to_item_id: bench.actionIds[i - 1] as string, type: 'depends_on' as const, lag_days: 0, note: null }));
  await insertInChunks(relations, 500, (chunk) => db.insertInto('relations').values(chunk).execute());
  const revisions = bench.actionIds
    .filter((_, i) => i % 20 === 0)
    .map((itemId) => ({ organisation_id: organisationId, plan_id: planId, item_id: itemId, from_text: '31/03/2026', from_end: '2026-03-31', to_text: '30/09/2026', to_start: '2026-09-30', to_end: '2026-09-30', reason: 'Waiting for the partner board', agreed_by_name: 'Bench reviewer', agreed_at: new Date(now - 86_400_000) }));
  await insertInChunks(revisions, 500, (chunk) => db.insertInto('date_revisions').values(chunk).execute());
  await db.insertInto('audit_log').values({ organisation_id: organisationId, user_id: ownerUserId, user_name: 'bench', plan_id: planId, entity_type: 'plan', entity_id: planId, action: 'import', before: null, after: null }).execute();
  await sql`analyze`.execute(db);
  return { ...bench, updates: updates.length, relations: relations.length };
}
