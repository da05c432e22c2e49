import type { ItemRole } from './column-roles.ts';
import { enterOutcome, enterSection, type State } from './interpret-state.ts';
import { leadingNumber } from './row-patterns.ts';
import type { RowView } from './row-view.ts';
import { upsertByTitle } from './structure-rows.ts';
import type { Schema } from './table-schema.ts';

/**
 * The item columns above the leaf (Theme, Area for Improvement, Outcome…): a filled cell names the item the row
 * belongs to (found again when repeated), a blank one means "same as above". Returns the deepest item the row named.
 */
export function placeHierarchy(state: State, view: RowView, schema: Schema): number | null {
  const { ctx } = state;
  let deepest: number | null = null;
  for (const column of schema.hierarchy) {
    const cell = view.paragraphs[column.index] ?? [];
    const [first, ...rest] = cell;
    if (!first) continue;
    const kind = column.role as ItemRole;
    const numbered = leadingNumber(first.text);
    const paragraphs = numbered ? [{ ...first, text: numbered.rest }, ...rest] : cell;
    const index = upsertByTitle(state, kind, parentFor(state, kind), paragraphs, numbered?.ref ?? null, view.source);
    if (kind === 'section') enterSection(ctx, index, false);
    else if (kind === 'outcome') enterOutcome(ctx, index);
    else ctx.heading = index;
    deepest = index;
  }
  return deepest;
}

function parentFor(state: State, kind: ItemRole): number | null {
  const { ctx } = state;
  if (kind === 'section') return null;
  if (kind === 'outcome') return ctx.section;
  if (kind === 'measure') return ctx.outcome ?? ctx.section;
  return ctx.heading ?? ctx.outcome ?? ctx.section;
}
