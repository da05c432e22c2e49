import { sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-db.ts';
import { createItem, createPlan, createUser } from '../factories/factories.ts';
import type { Db, DatabaseHandle } from '../../src/db/connection.ts';
import { loadPlanState } from '../../src/plans/plan-state.ts';
import { findSessionUser } from '../../src/auth/session-repository.ts';
import { findItem, listRelationsOf } from '../../src/items/item-repository.ts';
import { listItemUpdates } from '../../src/updates/update-repository.ts';
import { listAuditForEntities } from '../../src/audit/audit-repository.ts';

/**
 * Every hot query can be answered from an index: with sequential scans switched off, PostgreSQL still plans a
 * "Seq Scan" only where no index fits. (Table sizes here are small; this checks that the indexes exist and match the
 * queries, not how fast they are — that is bench/.)
 */
let database: DatabaseHandle;
let ids: { organisationId: string; planId: string; itemId: string; userId: string };

/** Captures the SQL a repository function sends, without running it. */
function captured(run: (db: Db) => Promise<unknown>): Promise<{ sql: string; parameters: readonly unknown[] }> {
  return new Promise((resolve, reject) => {
    const spy = new Proxy(database.db, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => wrap(value.apply(target, args));
      },
    });
    const wrap = (builder: unknown): unknown => {
      if (!builder || typeof builder !== 'object') return builder;
      return new Proxy(builder, {
        get(target, property, receiver) {
          if (property === 'execute' || property === 'executeTakeFirst' || property === 'executeTakeFirstOrThrow') {
            return () => {
              resolve((target as Compilable).compile());
              return Promise.reject(new Error('captured'));
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? (...args: unknown[]) => wrap(value.apply(target, args)) : value;
        },
      });
    };
    run(spy).catch((error: unknown) => {
      if (!(error instanceof Error)) reject(new Error(`run failed with ${JSON.stringify(error)}`));
      else if (error.message !== 'captured') reject(error);
    });
  });
}

async function planOf(query: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  return database.db.connection().execute(async (connection) => {
    await sql`set enable_seqscan = off`.execute(connection);
    try {
      let text = query.sql;
      query.parameters.forEach((value, index) => {
        const literal = value instanceof Date ? `'${value.toISOString()}'` : `'${String(value).replace(/'/g, "''")}'`;
        text = text.replace(new RegExp(`\\$${index + 1}(?!\\d)`, 'g'), literal);
      });
      const result = await sql.raw<{ 'QUERY PLAN': string }>(`explain ${text}`).execute(connection);
      return result.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`reset enable_seqscan`.execute(connection);
    }
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { user, actor } = await createUser(database.db, { roles: ['admin'] });
  const plan = await createPlan(database.db, { organisationId: actor.organisationId });
  const item = await createItem(database.db, { planId: plan.id, ref: '1' });
  ids = { organisationId: actor.organisationId, planId: plan.id, itemId: item.id, userId: user.id };
  await sql`analyze`.execute(database.db);
});
afterAll(async () => database?.close());

describe('hot queries use indexes', () => {
  const cases: [string, (db: Db) => Promise<unknown>][] = [
    ['the plan state', (db) => loadPlanState(db, ids.organisationId, ids.planId, null)],
    ['the plan state as at a date', (db) => loadPlanState(db, ids.organisationId, ids.planId, new Date())],
    ['the session lookup', (db) => findSessionUser(db, 'session-digest', new Date())],
    ['an item', (db) => findItem(db, ids.organisationId, ids.planId, ids.itemId)],
    ['an item’s updates', (db) => listItemUpdates(db, ids.organisationId, ids.itemId)],
    ['an item’s relations', (db) => listRelationsOf(db, ids.organisationId, ids.itemId)],
    ['an item’s history', (db) => listAuditForEntities(db, ids.organisationId, [ids.itemId])],
  ];
  it.each(cases)('%s', async (_name, run) => {
    const plan = await planOf(await captured(run));
    const seqScans = plan.split('\n').filter((line) => /Seq Scan on (items|updates|item_people|audit_log|sessions|date_revisions|relations|people)\b/.test(line));
    expect(seqScans, plan).toEqual([]);
  });
});
