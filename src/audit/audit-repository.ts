import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  planId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log (the table refuses updates and deletes). Call inside the write's transaction. */
export async function recordAudit(db: Db, actor: Pick<Actor, 'organisationId' | 'userId' | 'name'>, entry: AuditEntry) {
  await db
    .insertInto('audit_log')
    .values({
      organisation_id: actor.organisationId,
      user_id: actor.userId,
      user_name: actor.name,
      plan_id: entry.planId ?? null,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function listAuditForEntities(db: Db, organisationId: string, entityIds: string[], limit = 200) {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('audit_log')
    .where('organisation_id', '=', organisationId)
    .where('entity_id', 'in', entityIds)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .selectAll()
    .execute();
}

/** Who last changed an entity, for "Someone else changed this…" messages. */
export const latestChange = (db: Db, organisationId: string, entityId: string) =>
  db
    .selectFrom('audit_log')
    .where('organisation_id', '=', organisationId)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .select(['user_name', 'at', 'action'])
    .executeTakeFirst();
