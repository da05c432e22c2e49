import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ReportTemplatesTable } from '../../db/schema.ts';

export type TemplateValues = Omit<Insertable<ReportTemplatesTable>, 'id' | 'organisation_id' | 'version' | 'created_at' | 'updated_at'>;

const listColumns = ['id', 'name', 'title', 'columns', 'sections', 'default_audience', 'logo_media_type', 'version', 'updated_at'] as const;

export const listTemplates = (db: Db, organisationId: string) =>
  db.selectFrom('report_templates').where('organisation_id', '=', organisationId).orderBy('name').select(listColumns).execute();

export const findTemplate = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('report_templates').where('organisation_id', '=', organisationId).where('id', '=', id).selectAll().executeTakeFirst();

export const findTemplateByName = (db: Db, organisationId: string, name: string) =>
  db
    .selectFrom('report_templates')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .select(['id'])
    .executeTakeFirst();

export const insertTemplate = (db: Db, organisationId: string, values: TemplateValues) =>
  db.insertInto('report_templates').values({ ...values, organisation_id: organisationId, updated_at: new Date() }).returningAll().executeTakeFirstOrThrow();

/** Saves only if nobody else saved since `version` was read; undefined otherwise. */
export const updateTemplateIfCurrent = (db: Db, organisationId: string, id: string, version: number, values: Partial<TemplateValues>) =>
  db
    .updateTable('report_templates')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const deleteTemplateRow = (db: Db, organisationId: string, id: string) =>
  db.deleteFrom('report_templates').where('organisation_id', '=', organisationId).where('id', '=', id).execute();

/** The field names imported plans carry (custom_values keys) and those plans define, across the organisation. */
export async function organisationFieldNames(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('items')
    .where('organisation_id', '=', organisationId)
    .select((eb) => eb.fn<string>('jsonb_object_keys', ['custom_values']).as('name'))
    .distinct()
    .execute();
  return rows.map((row) => row.name).sort((a, b) => a.localeCompare(b, 'en-GB'));
}
