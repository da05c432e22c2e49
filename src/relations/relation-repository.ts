import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { RelationsTable } from '../db/schema.ts';

/** Every relation of a plan, oldest first. */
export const listPlanRelations = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('relations')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .select(['id', 'from_item_id', 'to_item_id', 'type', 'lag_days', 'note'])
    .execute();

export type PlanRelationRow = Awaited<ReturnType<typeof listPlanRelations>>[number];

/** The relations of one item, either way round. */
export const listItemRelations = (db: Db, organisationId: string, planId: string, itemId: string) =>
  db
    .selectFrom('relations')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb('from_item_id', '=', itemId), eb('to_item_id', '=', itemId)]))
    .orderBy('created_at')
    .orderBy('id')
    .select(['id', 'from_item_id', 'to_item_id', 'type', 'lag_days', 'note'])
    .execute();

export const findRelation = (db: Db, organisationId: string, planId: string, relationId: string) =>
  db
    .selectFrom('relations')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', relationId)
    .selectAll()
    .executeTakeFirst();

export const insertRelation = (db: Db, values: Insertable<RelationsTable>) =>
  db.insertInto('relations').values(values).returningAll().executeTakeFirstOrThrow();

export const deleteRelationRow = (db: Db, organisationId: string, relationId: string) =>
  db.deleteFrom('relations').where('organisation_id', '=', organisationId).where('id', '=', relationId).execute();

/**
 * Holds the plan's row until the transaction ends, so that two people adding relations at the same moment cannot
 * close a loop between them: each sees the other's relation before it checks its own.
 */
export const lockPlan = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('plans')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', planId)
    .select('id')
    .forUpdate()
    .executeTakeFirst();

/** The items of a plan a relation may join: id and how a message names them. */
export const listRelatableItems = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('items')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .select(['id', 'ref', 'title', 'target_start', 'target_end'])
    .execute();
