import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ReportFormat, ReportPackFilesTable, ReportPacksTable } from '../../db/schema.ts';

const packColumns = ['id', 'plan_id', 'plan_ids', 'title', 'note', 'audience', 'as_at', 'options', 'issued_at', 'issued_by_name'] as const;

export const listPlanPacks = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('report_packs')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .orderBy('issued_at', 'desc')
    .select(packColumns)
    .execute();

/** Holds the plan's row until the transaction ends, so that no pack can be issued for it meanwhile (its insert needs the row). */
export const lockPlanAgainstNewPacks = (trx: Db, organisationId: string, planId: string) =>
  trx.selectFrom('plans').where('organisation_id', '=', organisationId).where('id', '=', planId).select('id').forUpdate().execute();

export const findPack = (db: Db, organisationId: string, planId: string, packId: string) =>
  db
    .selectFrom('report_packs')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', packId)
    .select([...packColumns, 'model'])
    .executeTakeFirst();

/**
 * The pack a new report is compared with: the latest issued for the same audience, as at or before `asAt`, that
 * covers the same set of plans (in any order). A single-plan report is never compared with a multi-plan pack, nor
 * the other way round, or the plans not in both would show as new or closed.
 */
export const findPreviousPack = (db: Db, organisationId: string, planIds: readonly string[], audience: string, asAt: string) =>
  db
    .selectFrom('report_packs')
    .where('organisation_id', '=', organisationId)
    // A pack's plan_id is one of its plan_ids: this narrows the search to the (plan_id, audience, as_at) index.
    .where('plan_id', 'in', [...planIds])
    .where(sql<boolean>`plan_ids @> ${[...planIds]}::uuid[] and plan_ids <@ ${[...planIds]}::uuid[]`)
    .where(sql<boolean>`lower(audience) = lower(${audience})`)
    .where('as_at', '<=', asAt)
    .orderBy('as_at', 'desc')
    .orderBy('issued_at', 'desc')
    .limit(1)
    .select(['id', 'title', 'as_at', 'issued_at', sql<unknown>`model -> 'rows'`.as('rows')])
    .executeTakeFirst();

export const listPackFiles = (db: Db, organisationId: string, packId: string) =>
  db
    .selectFrom('report_pack_files')
    .where('organisation_id', '=', organisationId)
    .where('pack_id', '=', packId)
    .orderBy('format')
    .select(['format', 'file_name', 'content_type', 'size_bytes', 'sha256'])
    .execute();

export const findPackFile = (db: Db, organisationId: string, packId: string, format: ReportFormat) =>
  db
    .selectFrom('report_pack_files')
    .where('organisation_id', '=', organisationId)
    .where('pack_id', '=', packId)
    .where('format', '=', format)
    .select(['file_name', 'content_type', 'bytes'])
    .executeTakeFirst();

export const insertPack = (db: Db, values: Insertable<ReportPacksTable>) =>
  db.insertInto('report_packs').values(values).returning(['id', 'issued_at']).executeTakeFirstOrThrow();

export const insertPackFiles = (db: Db, files: Insertable<ReportPackFilesTable>[]) => db.insertInto('report_pack_files').values(files).execute();

/** Lets this transaction change or delete an issued pack (the frozen-pack trigger checks this setting). */
export const allowPackAdministration = (trx: Db) => sql`select set_config('waymark.report_pack_admin', 'on', true)`.execute(trx);

export const updatePackLabel = (trx: Db, organisationId: string, packId: string, values: { title: string; note: string | null }) =>
  trx.updateTable('report_packs').set(values).where('organisation_id', '=', organisationId).where('id', '=', packId).execute();

export const deletePackRow = (trx: Db, organisationId: string, packId: string) =>
  trx.deleteFrom('report_packs').where('organisation_id', '=', organisationId).where('id', '=', packId).execute();
