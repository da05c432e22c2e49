import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/**
 * Published pages are cached under the organisation's change stamp: every write in Waymark records an audit entry in
 * its transaction, so the newest audit id of an organisation changes whenever anything it publishes might have. The
 * key also holds the UK day (publication days and "overdue" turn at midnight) and the audience. Every node reads the
 * same stamp, so several nodes never serve stale data after a write; entries also expire after a few minutes, in case
 * something is ever written without an audit entry.
 */

export interface PlanHead {
  planId: string;
  organisationId: string;
  stamp: string;
}

/** The plan's organisation and that organisation's change stamp, in one small query; undefined when not there. */
export async function findPlanHead(db: Db, where: { slug?: string; organisationId?: string }, planId: string): Promise<PlanHead | undefined> {
  const orgFilter = where.slug !== undefined ? sql`and o.slug = ${where.slug}` : where.organisationId !== undefined ? sql`and o.id = ${where.organisationId}` : sql``;
  const result = await sql<{ organisation_id: string; stamp: string | null }>`
    select p.organisation_id, (select max(a.id)::text from audit_log a where a.organisation_id = p.organisation_id) as stamp
    from plans p join organisations o on o.id = p.organisation_id where p.id = ${planId} ${orgFilter}`.execute(db);
  const row = result.rows[0];
  return row ? { planId, organisationId: row.organisation_id, stamp: row.stamp ?? '0' } : undefined;
}

export function createTimedCache<T>(maxEntries = 64, ttlMs = 5 * 60 * 1000) {
  const entries = new Map<string, { value: T; expires: number }>();
  return {
    get(key: string, now = Date.now()): T | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.expires < now) {
        entries.delete(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    },
    set(key: string, value: T, now = Date.now()): void {
      entries.delete(key);
      entries.set(key, { value, expires: now + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    clear: () => entries.clear(),
  };
}
