import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import type { ItemKind, NewItem, Plan, RelationType } from '../../db/schema.ts';
import type { ImportedPlan } from '../imported-plan.ts';
import { parseFuzzyDate } from '../../dates/fuzzy-date.ts';
import { refKey } from '../../items/ref-key.ts';
import { rulesOf } from '../../updates/domain/plan-rules.ts';
import { resolvePeople } from './import-people.ts';
import { mergeStatuses, readStatusWord } from './imported-status.ts';
import { importedRevision } from './imported-revision.ts';
import { corporatePriorityCodes } from './corporate-priorities.ts';
import { insertInChunks } from './insert-in-chunks.ts';

export interface SaveImportOptions {
  fileName: string;
  fyStartMonth: number;
  title?: string | undefined;
  levelLabels?: string[] | undefined;
  /** Update this plan: items whose ref matches are updated, the rest added. */
  existingPlan?: Plan | undefined;
  today: string;
}

export interface SaveImportResult {
  planId: string;
  created: number;
  updated: number;
  updates: number;
  revisions: number;
  relations: number;
}

const DEFAULT_LEVEL_NAMES: Record<ItemKind, string> = { section: 'Section', outcome: 'Outcome', measure: 'Measure of success', action: 'Action', milestone: 'Milestone' };
const RELATION_TYPES: Record<string, RelationType> = { links_to: 'links_to', follows_on_from: 'follows_on_from', depends_on: 'depends_on', duplicates: 'duplicates' };

/**
 * Writes what the interpreter understood, inside the caller's transaction: the plan (or the existing plan's
 * matching items), people, items with their leads, the progress the document reported as approved updates, its
 * revised dates, its links between actions, and an audit entry for each item. Throws on anything the database
 * refuses, so the whole import rolls back.
 */
export async function saveImportedPlan(trx: Db, actor: Actor, imported: ImportedPlan, options: SaveImportOptions): Promise<SaveImportResult> {
  const kinds = [...new Set(imported.items.map((i) => i.kind))] as ItemKind[];
  const order: ItemKind[] = ['section', 'outcome', 'measure', 'action', 'milestone'];
  const levelLabels = options.levelLabels?.length ? options.levelLabels : order.filter((k) => kinds.includes(k)).map((k) => DEFAULT_LEVEL_NAMES[k]);
  const foundStatuses = imported.items.flatMap((i) => i.updates.map((u) => u.status).filter((s): s is string => Boolean(s)));
  const now = new Date();
  const source = `Imported from ${options.fileName}`;

  let plan: Plan;
  if (options.existingPlan) {
    const settings = { ...options.existingPlan.settings, statuses: mergeStatuses(rulesOf(options.existingPlan.settings).statuses, foundStatuses) };
    plan = await trx.updateTable('plans').set({ settings: JSON.stringify(settings), updated_at: now }).where('id', '=', options.existingPlan.id).returningAll().executeTakeFirstOrThrow();
  } else {
    plan = await trx
      .insertInto('plans')
      .values({
        organisation_id: actor.organisationId,
        title: (options.title ?? imported.plan.title).slice(0, 200) || options.fileName,
        source: 'other',
        source_detail: source.slice(0, 500),
        status: 'live',
        level_labels: JSON.stringify(levelLabels),
        custom_fields: '[]',
        narrative: JSON.stringify(imported.plan.narrative),
        settings: JSON.stringify({ statuses: mergeStatuses(rulesOf({}).statuses, foundStatuses) }),
        owner_user_id: actor.userId,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  const existing = options.existingPlan
    ? await trx.selectFrom('items').where('plan_id', '=', plan.id).select(['id', 'ref_key', 'kind', 'title']).execute()
    : [];
  // Items are matched by kind and ref; items the document gives no ref (outcomes, themes) by kind and title.
  const matchKey = (kind: string, ref: string | null, title: string) => (ref ? `${kind}|${ref}` : `${kind}|title:${title.trim().toLowerCase()}`);
  const existingByKey = new Map(existing.map((e) => [matchKey(e.kind, e.ref_key, e.title), e]));
  const ids = imported.items.map((item) => existingByKey.get(matchKey(item.kind, refKey(item.ref), item.title))?.id ?? randomUUID());
  const isExisting = new Set(existing.map((e) => e.id));

  const people = await resolvePeople(trx, actor.organisationId, [
    ...imported.items.flatMap((i) => i.leads.map((name) => ({ name, member: false }))),
    ...imported.items.flatMap((i) => (i.leadMember ? [{ name: i.leadMember, member: true }] : [])),
  ]);

  const positions = new Map<string, number>();
  const rows: NewItem[] = imported.items.map((item, index) => {
    const parentId = item.parentIndex === null ? null : (ids[item.parentIndex] ?? null);
    const siblingKey = parentId ?? 'root';
    const position = positions.get(siblingKey) ?? 0;
    positions.set(siblingKey, position + 1);
    const target = item.target ? parseFuzzyDate(item.target.text, { fyStartMonth: options.fyStartMonth }) : null;
    return {
      id: ids[index] as string,
      organisation_id: actor.organisationId,
      plan_id: plan.id,
      parent_id: parentId,
      position,
      kind: item.kind,
      ref: item.ref,
      ref_key: refKey(item.ref),
      title: item.title || '(no title in the document)',
      detail: item.detail,
      priority: item.priority,
      corporate_priorities: corporatePriorityCodes(item.fields),
      target_text: item.target?.text ?? null,
      target_start: item.target?.start ?? null,
      target_end: item.target?.end ?? null,
      target_precision: target?.precision ?? 'unknown',
      planned_months: item.plannedMonths,
      resources: item.fields.Resources ?? null,
      custom_values: JSON.stringify(item.fields),
      updated_at: now,
    };
  });
  const fresh = rows.filter((r) => !isExisting.has(r.id as string));
  const changed = rows.filter((r) => isExisting.has(r.id as string));
  await insertInChunks(fresh, 400, (chunk) => trx.insertInto('items').values(chunk).execute());
  for (const row of changed) {
    const { id, organisation_id: _o, plan_id: _p, created_at: _c, ...values } = row;
    await trx.updateTable('items').set(values).where('id', '=', id as string).execute();
  }

  const touched = rows.map((r) => r.id as string);
  if (changed.length > 0) await trx.deleteFrom('item_people').where('item_id', 'in', changed.map((r) => r.id as string)).execute();
  const itemPeople = imported.items.flatMap((item, index) => [
    ...item.leads.map((name, position) => ({ name, role: 'lead' as const, position, index })),
    ...(item.leadMember ? [{ name: item.leadMember, role: 'lead_member' as const, position: 0, index }] : []),
  ]);
  const uniquePeople = new Map<string, { organisation_id: string; item_id: string; person_id: string; role: 'lead' | 'lead_member'; position: number }>();
  for (const p of itemPeople) {
    const personId = people.get(p.name);
    const itemId = touched[p.index];
    if (personId && itemId) uniquePeople.set(`${itemId}|${personId}|${p.role}`, { organisation_id: actor.organisationId, item_id: itemId, person_id: personId, role: p.role, position: p.position });
  }
  await insertInChunks([...uniquePeople.values()], 1000, (chunk) => trx.insertInto('item_people').values(chunk).execute());

  const known = new Set(
    changed.length === 0
      ? []
      : (await trx.selectFrom('updates').where('plan_id', '=', plan.id).where('source', '=', 'import').select(['item_id', 'as_of', 'narrative']).execute()).map((u) => `${u.item_id}|${u.as_of}|${u.narrative}`),
  );
  const updates = imported.items.flatMap((item, index) =>
    item.updates.map((u) => {
      const meaning = readStatusWord(u.status);
      return {
        organisation_id: actor.organisationId,
        plan_id: plan.id,
        item_id: touched[index] as string,
        state: 'approved' as const,
        as_of: u.asOf ?? options.today,
        status: u.status,
        rag_proposed: meaning.rag,
        rag_confirmed: meaning.rag,
        narrative: u.text,
        author_name: source,
        reviewer_name: source,
        submitted_at: now,
        reviewed_at: now,
        source: 'import',
        updated_at: now,
      };
    }),
  ).filter((u) => !known.has(`${u.item_id}|${u.as_of}|${u.narrative}`));
  await insertInChunks(updates, 400, (chunk) => trx.insertInto('updates').values(chunk).execute());

  const revisions = imported.items.flatMap((item, index) => {
    const revision = importedRevision(item, options.fyStartMonth);
    return revision ? [{ ...revision, organisation_id: actor.organisationId, plan_id: plan.id, item_id: touched[index] as string, agreed_by_name: source, agreed_at: now }] : [];
  });
  await insertInChunks(revisions, 400, (chunk) => trx.insertInto('date_revisions').values(chunk).execute());

  const byRef = new Map<string, string>();
  imported.items.forEach((item, index) => {
    const k = refKey(item.ref);
    if (k && !byRef.has(k)) byRef.set(k, touched[index] as string);
  });
  const relationRows = new Map<string, { organisation_id: string; plan_id: string; from_item_id: string; to_item_id: string; type: RelationType; lag_days: number; note: string | null }>();
  imported.items.forEach((item, index) => {
    for (const relation of item.relations) {
      const to = byRef.get(refKey(relation.toRef) ?? '');
      const from = touched[index] as string;
      const type = RELATION_TYPES[relation.type] ?? 'links_to';
      if (!to || to === from) continue;
      relationRows.set(`${from}|${to}|${type}`, { organisation_id: actor.organisationId, plan_id: plan.id, from_item_id: from, to_item_id: to, type, lag_days: 0, note: RELATION_TYPES[relation.type] ? null : relation.type.replace(/_/g, ' ') });
    }
  });
  const relationList = [...relationRows.values()];
  if (relationList.length > 0) {
    await trx.insertInto('relations').values(relationList).onConflict((oc) => oc.columns(['from_item_id', 'to_item_id', 'type']).doNothing()).execute();
  }

  const audit = rows.map((row) => ({
    organisation_id: actor.organisationId,
    user_id: actor.userId,
    user_name: actor.name,
    plan_id: plan.id,
    entity_type: 'item',
    entity_id: row.id as string,
    action: isExisting.has(row.id as string) ? 'update' : 'import',
    before: null,
    after: JSON.stringify({ ref: row.ref, kind: row.kind, title: row.title, target_text: row.target_text, source }),
  }));
  audit.push({
    organisation_id: actor.organisationId,
    user_id: actor.userId,
    user_name: actor.name,
    plan_id: plan.id,
    entity_type: 'plan',
    entity_id: plan.id,
    action: 'import',
    before: null,
    after: JSON.stringify({ file: options.fileName, created: fresh.length, updated: changed.length, updates: updates.length, warnings: imported.warnings.length }),
  });
  await insertInChunks(audit, 500, (chunk) => trx.insertInto('audit_log').values(chunk).execute());
  return { planId: plan.id, created: fresh.length, updated: changed.length, updates: updates.length, revisions: revisions.length, relations: relationList.length };
}
