import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import type { ItemKind, NewItem, Plan } from '../../db/schema.ts';
import type { ImportedPlan } from '../imported-plan.ts';
import { parseFuzzyDate } from '../../dates/fuzzy-date.ts';
import { refKey } from '../../items/ref-key.ts';
import { rulesOf } from '../../updates/domain/plan-rules.ts';
import { itemLeads, resolvePeople } from './import-people.ts';
import { mergeStatuses, readStatusWord } from './imported-status.ts';
import { importedRevision, revisionKey } from './imported-revision.ts';
import { corporatePriorityCodes } from './corporate-priorities.ts';
import { insertInChunks } from './insert-in-chunks.ts';
import { matchExistingItems } from './match-items.ts';
import { itemChanged, leadsKey } from './item-changes.ts';
import { saveImportedLinks } from './save-imported-links.ts';
import { periodOfPlannedMonths } from '../../dates/planned-months-period.ts';

export interface SaveImportOptions {
  fileName: string;
  fyStartMonth: number;
  title?: string | undefined;
  levelLabels?: string[] | undefined;
  /** Update this plan: items matching by ref (or title) under the same parent are updated, the rest added. */
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
  /** Why each link the document makes was not saved (it would make a loop with the plan's relations). */
  linksLeftOut: string[];
}

const DEFAULT_LEVEL_NAMES: Record<ItemKind, string> = { section: 'Section', outcome: 'Outcome', measure: 'Measure of success', action: 'Action', milestone: 'Milestone' };

/**
 * Writes what the interpreter understood, inside the caller's transaction: the plan (or the existing plan's
 * matching items), people, items with their leads, the progress the document reported as approved updates, its
 * revised dates, its links between actions (checked by the relations feature's rules), and an audit entry for each
 * item written. A re-import changes only what the document changed. Throws on anything the database refuses, so
 * the whole import rolls back.
 */
export async function saveImportedPlan(trx: Db, actor: Actor, imported: ImportedPlan, options: SaveImportOptions): Promise<SaveImportResult> {
  const kinds = [...new Set(imported.items.map((i) => i.kind))] as ItemKind[];
  const order: ItemKind[] = ['section', 'outcome', 'measure', 'action', 'milestone'];
  const levelLabels = options.levelLabels?.length ? options.levelLabels : order.filter((k) => kinds.includes(k)).map((k) => DEFAULT_LEVEL_NAMES[k]);
  const foundStatuses = imported.items.flatMap((i) => i.updates.map((u) => u.status).filter((s): s is string => Boolean(s)));
  const now = new Date();
  const source = `Imported from ${options.fileName}`;

  const gridPeriod = periodOfPlannedMonths(imported.items.flatMap((item) => item.plannedMonths));
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
        // A month grid (seed 003's July–June) gives the plan its period, and so its timeline its years.
        period_start: gridPeriod?.start ?? null,
        period_end: gridPeriod?.end ?? null,
        owner_user_id: actor.userId,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  const existing = options.existingPlan
    ? await trx.selectFrom('items').where('plan_id', '=', plan.id).orderBy('position').orderBy('created_at').selectAll().execute()
    : [];
  const titles = imported.items.map((item) => item.title || '(no title in the document)');
  const incoming = imported.items.map((item, index) => ({ kind: item.kind, refKey: refKey(item.ref), title: titles[index] as string, parentIndex: item.parentIndex }));
  const ids = matchExistingItems(incoming, existing).map((id) => id ?? randomUUID());
  const before = new Map(existing.map((e) => [e.id, e]));

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
      title: titles[index] as string,
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
  const touched = rows.map((r) => r.id as string);

  const leads = itemLeads(imported.items, touched, people, actor.organisationId);
  const leadsBefore = new Map<string, { person_id: string; role: string; position: number }[]>();
  if (existing.length > 0) {
    const current = await trx.selectFrom('item_people as ip').innerJoin('items as i', 'i.id', 'ip.item_id').where('i.plan_id', '=', plan.id).where('ip.role', 'in', ['lead', 'lead_member']).select(['ip.item_id', 'ip.person_id', 'ip.role', 'ip.position']).execute();
    for (const row of current) {
      const list = leadsBefore.get(row.item_id);
      if (list) list.push(row);
      else leadsBefore.set(row.item_id, [row]);
    }
  }

  // A re-import writes only the items it changes, and bumps their version so an edit form opened before is stale.
  const fresh = rows.filter((r) => !before.has(r.id as string));
  const changed = rows.filter((r) => {
    const old = before.get(r.id as string);
    return old !== undefined && (itemChanged(old, r) || leadsKey(leadsBefore.get(old.id) ?? []) !== leadsKey(leads.get(old.id) ?? []));
  });
  await insertInChunks(fresh, 400, (chunk) => trx.insertInto('items').values(chunk).execute());
  for (const row of changed) {
    const { id, organisation_id: _o, plan_id: _p, created_at: _c, version: _v, ...values } = row;
    await trx.updateTable('items').set({ ...values, version: sql<number>`version + 1` }).where('id', '=', id as string).execute();
  }
  const written = [...fresh, ...changed].map((r) => r.id as string);
  if (changed.length > 0) await trx.deleteFrom('item_people').where('item_id', 'in', changed.map((r) => r.id as string)).where('role', 'in', ['lead', 'lead_member']).execute();
  await insertInChunks(written.flatMap((id) => leads.get(id) ?? []), 1000, (chunk) => trx.insertInto('item_people').values(chunk).execute());

  const known = new Set(
    existing.length === 0
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

  // A revision already recorded (same item, from and to) is not recorded again, so re-importing does not add slips.
  const recorded = new Set(
    existing.length === 0 ? [] : (await trx.selectFrom('date_revisions').where('plan_id', '=', plan.id).select(['item_id', 'from_text', 'to_text']).execute()).map(revisionKey),
  );
  const revisions = imported.items.flatMap((item, index) => {
    const revision = importedRevision(item, options.fyStartMonth);
    if (!revision) return [];
    const row = { ...revision, organisation_id: actor.organisationId, plan_id: plan.id, item_id: touched[index] as string, agreed_by_name: source, agreed_at: now };
    if (recorded.has(revisionKey(row))) return [];
    recorded.add(revisionKey(row));
    return [row];
  });
  await insertInChunks(revisions, 400, (chunk) => trx.insertInto('date_revisions').values(chunk).execute());

  const relations = await saveImportedLinks(trx, actor, plan, imported.items, touched);

  const audit = [...fresh, ...changed].map((row) => {
    const old = before.get(row.id as string);
    return {
      organisation_id: actor.organisationId,
      user_id: actor.userId,
      user_name: actor.name,
      plan_id: plan.id,
      entity_type: 'item',
      entity_id: row.id as string,
      action: old ? 'update' : 'import',
      before: old ? JSON.stringify({ ref: old.ref, kind: old.kind, title: old.title, target_text: old.target_text, version: old.version }) : null,
      after: JSON.stringify({ ref: row.ref, kind: row.kind, title: row.title, target_text: row.target_text, source }),
    };
  });
  audit.push({
    organisation_id: actor.organisationId,
    user_id: actor.userId,
    user_name: actor.name,
    plan_id: plan.id,
    entity_type: 'plan',
    entity_id: plan.id,
    action: 'import',
    before: null,
    after: JSON.stringify({ file: options.fileName, created: fresh.length, updated: changed.length, updates: updates.length, warnings: imported.warnings.length, linksLeftOut: relations.leftOut }),
  });
  await insertInChunks(audit, 500, (chunk) => trx.insertInto('audit_log').values(chunk).execute());
  return { planId: plan.id, created: fresh.length, updated: changed.length, updates: updates.length, revisions: revisions.length, relations: relations.saved, linksLeftOut: relations.leftOut };
}
