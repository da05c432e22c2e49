import type { Db } from '../../src/db/connection.ts';
import { refKey } from '../../src/items/ref-key.ts';
import type { ItemKind } from '../../src/db/schema.ts';
import { insertInChunks } from '../../src/imports/save/insert-in-chunks.ts';

/**
 * A plan of `actions` actions in 4 levels (section › outcome › measure › action), 5 sections, leads spread over
 * 40 people, fuzzy target dates. Rows are inserted in batches: this is set-up, not what is measured.
 */
export async function insertBenchPlan(db: Db, organisationId: string, ownerUserId: string, actions: number) {
  const people = await db
    .insertInto('people')
    .values(Array.from({ length: 40 }, (_, i) => ({ organisation_id: organisationId, name: `Officer ${i + 1}`, initials: `O${i + 1}`, kind: 'officer' as const })))
    .returning('id')
    .execute();
  const plan = await db
    .insertInto('plans')
    .values({
      organisation_id: organisationId,
      title: `Bench plan of ${actions} actions`,
      source: 'inspection',
      source_detail: null,
      status: 'live',
      level_labels: JSON.stringify(['Priority', 'Outcome', 'Measure', 'Action']),
      custom_fields: '[]',
      narrative: '[]',
      period_start: '2025-04-01',
      period_end: '2027-03-31',
      owner_user_id: ownerUserId,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const sections = 5;
  const outcomesPer = 4;
  const measuresPer = 5;
  const actionsPerMeasure = Math.max(1, Math.ceil(actions / (sections * outcomesPer * measuresPer)));
  const base = (kind: ItemKind, ref: string, parent: string | null, position: number, i: number) => ({
    organisation_id: organisationId,
    plan_id: plan.id,
    parent_id: parent,
    position,
    kind,
    ref,
    ref_key: refKey(ref),
    title: `${kind === 'action' ? 'Deliver' : 'Improve'} ${kind} ${ref} for the council's residents and partners`,
    detail: null,
    priority: i % 3 === 0 ? 'High' : 'Medium',
    corporate_priorities: [],
    target_text: kind === 'action' ? `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2026` : null,
    target_start: kind === 'action' ? `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` : null,
    target_end: kind === 'action' ? `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` : null,
    target_precision: kind === 'action' ? 'day' : 'unknown',
    planned_months: [],
    resources: null,
    custom_values: '{}',
    updated_at: new Date(),
  });
  let made = 0;
  const actionIds: string[] = [];
  for (let s = 1; s <= sections; s += 1) {
    const [section] = await db.insertInto('items').values(base('section', `P${s}`, null, s, s)).returning('id').execute();
    for (let o = 1; o <= outcomesPer; o += 1) {
      const [outcome] = await db.insertInto('items').values(base('outcome', `${s}.${o}`, section!.id, o, o)).returning('id').execute();
      for (let m = 1; m <= measuresPer; m += 1) {
        const [measure] = await db.insertInto('items').values(base('measure', `${s}.${o}.${m}`, outcome!.id, m, m)).returning('id').execute();
        const rows = [];
        for (let a = 1; a <= actionsPerMeasure && made < actions; a += 1, made += 1) rows.push(base('action', `${s}.${o}.${m}.${a}`, measure!.id, a, made));
        if (rows.length === 0) continue;
        const inserted = await db.insertInto('items').values(rows).returning('id').execute();
        actionIds.push(...inserted.map((r) => r.id));
      }
    }
  }
  const leads = actionIds.map((id, i) => ({ organisation_id: organisationId, item_id: id, person_id: people[i % people.length]!.id, role: 'lead' as const, position: 0 }));
  // In chunks: 20,000 rows in one INSERT would pass PostgreSQL's 65,535 bind parameters.
  await insertInChunks(leads, 2000, (chunk) => db.insertInto('item_people').values(chunk).execute());
  return { plan, actionIds, personIds: people.map((p) => p.id) };
}
