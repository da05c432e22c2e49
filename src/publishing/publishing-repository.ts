import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { PublishingSettings } from './publishing-rules.ts';

/** Replaces the `publishing` key of a plan's settings, leaving the other keys (and the plan's version) as they are. */
export const writePublishingSettings = (db: Db, organisationId: string, planId: string, settings: PublishingSettings) =>
  db
    .updateTable('plans')
    .set({ settings: sql<string>`settings || jsonb_build_object('publishing', ${JSON.stringify(settings)}::jsonb)`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', planId)
    .executeTakeFirst();

export const findOrganisationLicence = (db: Db, organisationId: string) =>
  db.selectFrom('organisation_publishing').where('organisation_id', '=', organisationId).selectAll().executeTakeFirst();

export const upsertOrganisationLicence = (db: Db, organisationId: string, licence: { name: string; url: string }) =>
  db
    .insertInto('organisation_publishing')
    .values({ organisation_id: organisationId, licence_name: licence.name, licence_url: licence.url, updated_at: new Date() })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ licence_name: licence.name, licence_url: licence.url, updated_at: new Date() }))
    .execute();

export const deleteOrganisationLicence = (db: Db, organisationId: string) =>
  db.deleteFrom('organisation_publishing').where('organisation_id', '=', organisationId).execute();

/** An organisation's plans marked published, newest first, by the organisation's id or slug. */
export async function listPublishedPlans(db: Db, where: { organisationId?: string; slug?: string }) {
  return db
    .selectFrom('plans as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .$if(where.organisationId !== undefined, (q) => q.where('o.id', '=', where.organisationId as string))
    .$if(where.slug !== undefined, (q) => q.where('o.slug', '=', where.slug as string))
    .where(sql<boolean>`(p.settings -> 'publishing' ->> 'published') = 'true'`)
    .orderBy('p.created_at', 'desc')
    .select(['p.id', 'p.title', 'p.period_start', 'p.period_end', 'p.source', 'p.status'])
    .execute();
}

export const findOrganisationBySlug = (db: Db, slug: string) =>
  db.selectFrom('organisations').where('slug', '=', slug).select(['id', 'slug', 'name']).executeTakeFirst();

export const findOrganisationById = (db: Db, id: string) =>
  db.selectFrom('organisations').where('id', '=', id).select(['id', 'slug', 'name']).executeTakeFirst();
