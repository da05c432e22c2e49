import type { DraftPlan } from './draft-plan.ts';
import type { PlanYear } from './month-columns.ts';
import type { Schema } from './table-schema.ts';
import type { Role } from './column-roles.ts';

/** Where the reading has got to: the section, outcome and heading the next rows belong to, and the table's shape. */
export interface Context {
  section: number | null;
  outcome: number | null;
  /** A row that restated a measure (or an unassigned numbered row) heads the actions under it. */
  heading: number | null;
  /** The last item that took new words: a wrapped row continues it. */
  last: number | null;
  /** The section whose heading was a line of its own: the text that follows it is its detail. */
  textOwner: number | null;
  schema: Schema | null;
  /** Rows under a "Progress Update" label report progress on the items they name. */
  inProgressBlock: boolean;
}

export interface State {
  plan: DraftPlan;
  ctx: Context;
  year: PlanYear;
  /** Lines already read as table captions: the same line over a header on a later page is one too. */
  captions: Set<string>;
  /** Roles the officer chose for columns, by column label (see columnKey). */
  overrides: ReadonlyMap<string, Role>;
  /** Every plan-table column seen, by label: what the preview shows and the officer may change. */
  columns: Map<string, { label: string; role: Role }>;
}

export function freshContext(): Context {
  return { section: null, outcome: null, heading: null, last: null, textOwner: null, schema: null, inProgressBlock: false };
}

/** Entering a section or an outcome closes whatever was open below it. */
export function enterSection(ctx: Context, section: number, ownsText: boolean): void {
  if (ctx.section !== section) {
    ctx.outcome = null;
    ctx.heading = null;
  }
  ctx.section = section;
  if (ownsText) ctx.textOwner = section;
  ctx.inProgressBlock = false;
}

export function enterOutcome(ctx: Context, outcome: number): void {
  if (ctx.outcome !== outcome) ctx.heading = null;
  ctx.outcome = outcome;
  ctx.inProgressBlock = false;
}
