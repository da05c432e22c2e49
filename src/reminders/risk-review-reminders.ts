import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ServiceOptions } from '../services.ts';
import { longDate } from './reminder-kinds.ts';

/** What the measures feature's dueRiskReviews(now) lists (the fields used here). */
export interface DueRiskReview {
  organisationId: string;
  riskId: string;
  planId: string;
  planTitle: string;
  ref: string | null;
  title: string;
  ownerName: string;
  ownerEmail: string | null;
  ownerUserId: string | null;
  nextReviewDate: string;
  reviewPath: string;
}

export type DueRiskReviewsSource = (now: Date) => Promise<DueRiskReview[]>;

const CLAIMED = 'review_reminder';
const FAILED = 'review_reminder_failed';

/** An audit entry written by the system itself (no user). */
const record = (db: Db, risk: DueRiskReview, action: string, to: string) =>
  db
    .insertInto('audit_log')
    .values({ organisation_id: risk.organisationId, user_id: null, user_name: 'Waymark reminders', plan_id: risk.planId, entity_type: 'risk', entity_id: risk.riskId, action, before: null, after: JSON.stringify({ due: risk.nextReviewDate, to }) })
    .execute();

/** The latest record of a reminder about this risk's review due on `due`: sent (claimed), failed, or none. */
async function lastRecord(db: Db, risk: DueRiskReview): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .where('organisation_id', '=', risk.organisationId)
    .where('entity_id', '=', risk.riskId)
    .where('action', 'in', [CLAIMED, FAILED])
    .where(sql<boolean>`after->>'due' = ${risk.nextReviewDate}`)
    .orderBy('id', 'desc')
    .select('action')
    .executeTakeFirst();
  return row?.action;
}

/** The risk owner's address, else their user account's, else the plan owner's. */
async function recipientOf(db: Db, risk: DueRiskReview): Promise<string | undefined> {
  if (risk.ownerEmail) return risk.ownerEmail;
  const emailOf = async (userId: string | null | undefined) =>
    userId ? (await db.selectFrom('users').where('id', '=', userId).where('disabled_at', 'is', null).select('email').executeTakeFirst())?.email : undefined;
  const plan = await db.selectFrom('plans').where('id', '=', risk.planId).select('owner_user_id').executeTakeFirst();
  return (await emailOf(risk.ownerUserId)) ?? (await emailOf(plan?.owner_user_id));
}

/**
 * One e-mail per risk whose review is overdue, once per due date. risk reviews have no row in reminder_log (it is
 * keyed by reporting period and item), so the record is the append-only audit log: a `review_reminder` entry is
 * written BEFORE sending (a crash after it loses the message rather than sending it twice) and a
 * `review_reminder_failed` entry after an SMTP error lets the next pass retry. Passes never overlap (the scheduler's
 * lock), so checking then writing is safe.
 */
export async function sendRiskReviewReminders(db: Db, mail: Mailer, options: Pick<ServiceOptions, 'baseUrl' | 'log'>, due: DueRiskReview[]) {
  const sent: { to: string; subject: string; planId: string; riskId: string }[] = [];
  for (const risk of due) {
    if ((await lastRecord(db, risk)) === CLAIMED) continue;
    const to = await recipientOf(db, risk);
    if (!to) continue;
    const label = risk.ref ? `${risk.ref} ${risk.title}` : risk.title;
    const subject = `Risk review overdue (due ${longDate(risk.nextReviewDate)}): ${label}`;
    const text = [`Dear ${risk.ownerName},`, '', `The review of this risk was due on ${longDate(risk.nextReviewDate)}.`, '', `Plan: ${risk.planTitle}`, `Risk: ${label}`, '', 'Review it here:', `${options.baseUrl}${risk.reviewPath}`, '', 'Waymark', ''].join('\n');
    await record(db, risk, CLAIMED, to);
    try {
      await mail.send({ to, subject, text });
      sent.push({ to, subject, planId: risk.planId, riskId: risk.riskId });
    } catch (error) {
      await record(db, risk, FAILED, to);
      options.log.warn({ err: error, to, subject }, 'risk review reminder not sent; it will be retried');
    }
  }
  return sent;
}
