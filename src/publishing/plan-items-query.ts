import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ItemPersonRole } from '../db/schema.ts';
import type { PublicationScope } from './publication-scope.ts';
import type { RawEvidence, RawItem, RawRevision, RawUpdate } from './published-rows.ts';
import { publishedUpdate, visibleRevision } from './published-sql.ts';

type ItemColumns = Omit<RawItem, 'leads' | 'lead_members' | 'revisions' | 'latest'>;

interface PlanItemsRow {
  items: ItemColumns[];
  people: [string, ItemPersonRole, string, string][];
  latest: Omit<RawUpdate, 'evidence'>[];
  revisions: (RawRevision & { item_id: string })[];
  evidence: (RawEvidence & { update_id: string })[];
}

export interface PlanItem extends RawItem {
  leadIds: string[];
}

/**
 * Every item of a plan with its leads, the agreed date changes and the latest update the audience may see, as five
 * set-based JSON arrays in ONE round trip (per-item subqueries cost a few milliseconds per hundred items on PGlite).
 */
export async function queryPlanItems(db: Db, scope: PublicationScope): Promise<PlanItem[]> {
  const { organisationId: org, planId: plan } = scope;
  const evidence = scope.view.sees('evidence')
    ? sql`(select coalesce(json_agg(t order by t.created_at, t.id), '[]') from (select e.id, e.update_id, e.file_name, e.content_type, e.size_bytes, e.created_at
        from evidence_files e join updates u on u.id = e.update_id where u.plan_id = ${plan} and u.organisation_id = ${org} and ${publishedUpdate(scope, 'u')}) t)`
    : sql`'[]'::json`;
  const revisions = scope.view.sees('revisedDates')
    ? sql`(select coalesce(json_agg(t order by t.agreed_at, t.id), '[]') from (select r.id, r.item_id, r.from_text, r.to_text, r.to_start, r.to_end, r.reason, r.agreed_at
        from date_revisions r where r.plan_id = ${plan} and r.organisation_id = ${org} and ${visibleRevision(scope, 'r')}) t)`
    : sql`'[]'::json`;
  const result = await sql<PlanItemsRow>`select
    (select coalesce(json_agg(t), '[]') from (select i.id, i.parent_id, i.position, i.kind, i.ref, i.title, i.detail, i.priority, i.corporate_priorities,
      i.target_text, i.target_start, i.target_end, i.planned_months, i.resources, i.custom_values from items i where i.plan_id = ${plan} and i.organisation_id = ${org}) t) as items,
    (select coalesce(json_agg(json_build_array(ip.item_id, ip.role, p.name, p.id) order by ip.position, p.name), '[]') from item_people ip
      join people p on p.id = ip.person_id join items i on i.id = ip.item_id where i.plan_id = ${plan} and ip.organisation_id = ${org} and ip.role in ('lead', 'lead_member')) as people,
    (select coalesce(json_agg(t), '[]') from (select distinct on (u.item_id) u.id, u.item_id, u.period_id, u.as_of, u.reviewed_at, u.status,
      coalesce(u.rag_confirmed, u.rag_proposed) as rag, u.direction, u.percent_complete, u.narrative, u.corrective_action, u.revised_target_text, u.revision_reason
      from updates u where u.plan_id = ${plan} and u.organisation_id = ${org} and ${publishedUpdate(scope, 'u')} order by u.item_id, u.reviewed_at desc, u.id desc) t) as latest,
    ${revisions} as revisions,
    ${evidence} as evidence`.execute(db);
  const row = result.rows[0];
  if (!row) return [];
  const latestOf = new Map(row.latest.map((update) => [update.item_id, update as RawUpdate]));
  const evidenceOf = group(row.evidence, (e) => e.update_id);
  const revisionsOf = group(row.revisions, (r) => r.item_id);
  const peopleOf = group(row.people, (p) => p[0]);
  // The parsed rows are fresh objects: they are completed in place rather than copied (thousands of items).
  return row.items.map((columns) => {
    const item = columns as PlanItem;
    item.leads = [];
    item.leadIds = [];
    item.lead_members = [];
    for (const [, role, name, id] of peopleOf.get(item.id) ?? []) {
      if (role === 'lead') {
        item.leads.push(name);
        item.leadIds.push(id);
      } else item.lead_members.push(name);
    }
    item.revisions = revisionsOf.get(item.id) ?? [];
    const latest = latestOf.get(item.id);
    if (latest) latest.evidence = evidenceOf.get(latest.id) ?? [];
    item.latest = latest ?? null;
    return item;
  });
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
