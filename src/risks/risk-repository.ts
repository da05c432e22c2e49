import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { RiskReviewsTable, RisksTable } from '../db/schema.ts';

export const listPlanRisks = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('risks')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .orderBy('status', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .selectAll()
    .execute();

export const findRisk = (db: Db, organisationId: string, planId: string, riskId: string) =>
  db
    .selectFrom('risks')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', riskId)
    .selectAll()
    .executeTakeFirst();

export const insertRisk = (db: Db, values: Insertable<RisksTable>) => db.insertInto('risks').values(values).returningAll().executeTakeFirstOrThrow();

/** Changes a risk only when the version the form was loaded at is still current; undefined means someone saved first. */
export const updateRiskIfCurrent = (db: Db, organisationId: string, id: string, version: number, values: Updateable<RisksTable>) =>
  db
    .updateTable('risks')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export async function replaceRiskActions(db: Db, organisationId: string, riskId: string, itemIds: readonly string[]): Promise<void> {
  await db.deleteFrom('risk_actions').where('organisation_id', '=', organisationId).where('risk_id', '=', riskId).execute();
  if (itemIds.length === 0) return;
  await db
    .insertInto('risk_actions')
    .values(itemIds.map((itemId) => ({ organisation_id: organisationId, risk_id: riskId, item_id: itemId })))
    .execute();
}

/** The actions linked to the given risks, with their reference and title. */
export async function listRiskActions(db: Db, organisationId: string, riskIds: readonly string[]) {
  if (riskIds.length === 0) return [];
  return db
    .selectFrom('risk_actions as ra')
    .innerJoin('items as i', 'i.id', 'ra.item_id')
    .where('ra.organisation_id', '=', organisationId)
    .where('ra.risk_id', 'in', riskIds)
    .orderBy('i.ref_key')
    .orderBy('i.position')
    .select(['ra.risk_id', 'i.id', 'i.ref', 'i.title', 'i.kind'])
    .execute();
}

export const insertRiskReview = (db: Db, values: Insertable<RiskReviewsTable>) =>
  db.insertInto('risk_reviews').values(values).returningAll().executeTakeFirstOrThrow();

export const listRiskReviews = (db: Db, organisationId: string, riskId: string) =>
  db
    .selectFrom('risk_reviews')
    .where('organisation_id', '=', organisationId)
    .where('risk_id', '=', riskId)
    .orderBy('reviewed_at', 'desc')
    .orderBy('id', 'desc')
    .selectAll()
    .execute();

export const latestReviewDate = (db: Db, organisationId: string, riskId: string) =>
  db
    .selectFrom('risk_reviews')
    .where('organisation_id', '=', organisationId)
    .where('risk_id', '=', riskId)
    .select((eb) => eb.fn.max('reviewed_at').as('at'))
    .executeTakeFirst();

/** Open risks of an organisation (null: of every organisation) whose next review date is before `today`. */
export const listRisksDueForReview = (db: Db, organisationId: string | null, today: string) =>
  db
    .selectFrom('risks as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .leftJoin('people as o', 'o.id', 'r.owner_person_id')
    .$if(organisationId !== null, (query) => query.where('r.organisation_id', '=', organisationId as string))
    .where('r.status', '=', 'open')
    .where('r.next_review_date', '<', today)
    .orderBy('r.next_review_date')
    .orderBy('r.id')
    .select([
      'r.organisation_id as organisationId',
      'r.id as riskId',
      'r.plan_id as planId',
      'p.title as planTitle',
      'r.ref',
      'r.title',
      'r.owner_person_id as ownerPersonId',
      'r.owner_name as ownerName',
      'o.email as ownerEmail',
      'o.user_id as ownerUserId',
      'r.review_frequency as reviewFrequency',
      'r.next_review_date as nextReviewDate',
    ])
    .execute();

/** The reviews of the given risks, oldest first: when each was made (what a published register may show depends on it). */
export async function listReviewDates(db: Db, organisationId: string, riskIds: readonly string[]) {
  if (riskIds.length === 0) return [];
  return db
    .selectFrom('risk_reviews')
    .where('organisation_id', '=', organisationId)
    .where('risk_id', 'in', riskIds)
    .orderBy('reviewed_at')
    .orderBy('id')
    .select(['id', 'risk_id', 'reviewed_at'])
    .execute();
}

/** The risk as it stood before each of the given reviews: the `before` of the review's audit entry (same transaction). */
export async function listStatesBeforeReviews(db: Db, organisationId: string, reviews: readonly { id: string; risk_id: string }[]) {
  if (reviews.length === 0) return [];
  return db
    .selectFrom('audit_log')
    .where('organisation_id', '=', organisationId)
    .where('entity_id', 'in', reviews.map((review) => review.risk_id))
    .where('entity_type', '=', 'risk')
    .where('action', '=', 'review')
    .where(sql<string>`after -> 'review' ->> 'id'`, 'in', reviews.map((review) => review.id))
    .select([sql<string>`after -> 'review' ->> 'id'`.as('reviewId'), 'before'])
    .execute();
}
