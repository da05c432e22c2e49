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

export const findPack = (db: Db, organisationId: string, planId: string, packId: string) =>
  db
    .selectFrom('report_packs')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', packId)
    .select([...packColumns, 'model'])
    .executeTakeFirst();

/** The pack a new report is compared with: the latest issued for the plan and audience as at or before `asAt`. */
export const findPreviousPack = (db: Db, organisationId: string, planId: string, audience: string, asAt: string) =>
  db
    .selectFrom('report_packs')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
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
