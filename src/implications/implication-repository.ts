import type { Db } from '../db/connection.ts';
import type { ImplicationCategory } from '../db/schema.ts';
import { IMPLICATION_CATEGORIES } from './implication-form.ts';

/** One section of a plan's wider implications, as a page or a report shows it. */
export interface Implication {
  category: ImplicationCategory;
  label: string;
  /** For "other": what it is about ("Health and safety"). */
  heading: string | null;
  text: string;
  /** Financial only: the amount in pounds, when one was given. */
  amount: number | null;
}

export const listImplicationRows = (db: Db, organisationId: string, planId: string) =>
  db.selectFrom('plan_implications').where('organisation_id', '=', organisationId).where('plan_id', '=', planId).selectAll().execute();

type ImplicationRow = Awaited<ReturnType<typeof listImplicationRows>>[number];

/** The filled-in sections in the usual order (financial, legal, risk, equality, HR, climate, other). */
export function implicationsOf(rows: readonly ImplicationRow[]): Implication[] {
  return IMPLICATION_CATEGORIES.flatMap(({ key, label }) => {
    const row = rows.find((candidate) => candidate.category === key);
    return row ? [{ category: key, label, heading: row.heading, text: row.body, amount: row.amount === null ? null : Number(row.amount) }] : [];
  });
}

/** A plan's wider implications (the caller has checked the actor may see the plan). */
export async function listImplications(db: Db, organisationId: string, planId: string): Promise<Implication[]> {
  return implicationsOf(await listImplicationRows(db, organisationId, planId));
}
