import { sql, type RawBuilder } from 'kysely';
import type { PublicationScope } from './publication-scope.ts';

/**
 * SQL fragments shared by every published surface (portal, open data, API). They decide, in the database, which
 * updates and agreed date changes an audience may see: officers see every approved update; members and the public
 * only those whose publication day has come (see publication-dates.ts). Field visibility is applied afterwards, in
 * published-shape.ts, the one place that turns rows into what a caller receives.
 */

const EPOCH = '1970-01-01T00:00:00Z';

/** `alias` is an updates row: is it published to the scope's audience? */
export function publishedUpdate(scope: PublicationScope, alias: string): RawBuilder<boolean> {
  const u = sql.raw(alias);
  if (scope.audience === 'internal') return sql<boolean>`${u}.state = 'approved'`;
  return sql<boolean>`(${u}.state = 'approved' and (${u}.period_id = any(${scope.periodIds}::uuid[]) or ${u}.reviewed_at <= ${scope.releasedUpTo ?? EPOCH}::timestamptz))`;
}

/** `alias` is a date_revisions row: may the audience see it? One from an update goes with it; others with "publish now". */
export function visibleRevision(scope: PublicationScope, alias: string): RawBuilder<boolean> {
  const r = sql.raw(alias);
  if (scope.audience === 'internal') return sql<boolean>`true`;
  return sql<boolean>`(case when ${r}.update_id is null then ${r}.agreed_at <= ${scope.releasedUpTo ?? EPOCH}::timestamptz
    else exists (select 1 from updates pu where pu.id = ${r}.update_id and ${publishedUpdate(scope, 'pu')}) end)`;
}

/** The JSON of one update row `alias`, with its evidence only when the audience may see evidence. */
export function updateJson(scope: PublicationScope, alias: string): RawBuilder<unknown> {
  const u = sql.raw(alias);
  const evidence = scope.view.sees('evidence')
    ? sql`(select coalesce(json_agg(json_build_object('id', e.id, 'file_name', e.file_name, 'content_type', e.content_type, 'size_bytes', e.size_bytes) order by e.created_at, e.id), '[]') from evidence_files e where e.update_id = ${u}.id)`
    : sql`'[]'::json`;
  return sql`json_build_object(
    'id', ${u}.id, 'item_id', ${u}.item_id, 'period_id', ${u}.period_id, 'as_of', ${u}.as_of, 'reviewed_at', ${u}.reviewed_at,
    'status', ${u}.status, 'rag', coalesce(${u}.rag_confirmed, ${u}.rag_proposed), 'direction', ${u}.direction,
    'percent_complete', ${u}.percent_complete, 'narrative', ${u}.narrative, 'corrective_action', ${u}.corrective_action,
    'revised_target_text', ${u}.revised_target_text, 'revision_reason', ${u}.revision_reason, 'evidence', ${evidence})`;
}
