import type { Paragraph } from '../grid-model.ts';
import type { ImportedItemKind } from '../imported-plan.ts';
import { levelOf, type ItemRole } from './column-roles.ts';
import { sameTitle } from './draft-plan.ts';
import { enterOutcome, enterSection, type State } from './interpret-state.ts';
import { hasAssignments, mergeRow } from './merge-row.ts';
import { addNarrative, tableLines } from './narrative.ts';
import { placeHierarchy } from './place-hierarchy.ts';
import { placeProgressRow } from './progress-rows.ts';
import { normaliseRef, printedDiffers } from './refs.ts';
import { resolveParent } from './resolve-parent.ts';
import { leadingNumber } from './row-patterns.ts';
import type { RowView } from './row-view.ts';
import type { Schema } from './table-schema.ts';
import { titleAndDetail } from './structure-rows.ts';

/**
 * One data row of a plan table: the rest of a wrapped row, a restatement of an item already read (page-break repeats,
 * measure headings over their actions), or a new item placed under its parent.
 */
export function placeRow(state: State, view: RowView, schema: Schema): void {
  const { plan, ctx } = state;
  if (ctx.inProgressBlock && placeProgressRow(state, view)) return;
  const { printed, leaf } = refAndLeaf(view, schema);
  const norm = printed === '' ? null : normaliseRef(printed, schema.letterRefs);
  if (norm?.oddity) plan.warn(norm.oddity, view.source);
  const placedAbove = placeHierarchy(state, view, schema);
  const assigned = hasAssignments(view, schema);

  if (printed === '' && placedAbove === null && ctx.last !== null && (leaf.length === 0 || (schema.numbered && !assigned))) {
    mergeRow(state, ctx.last, view, schema, 'wrapped', leaf);
    return;
  }
  if (printed === '' && leaf.length === 0) {
    if (placedAbove !== null) {
      mergeRow(state, placedAbove, view, schema, 'restated', leaf);
      return;
    }
    for (const line of tableLines([view])) addNarrative(state, line);
    plan.warn('A row with no reference or title could not be placed; kept as narrative', view.source);
    return;
  }
  const kind = kindOf(schema);
  if (norm?.ref && restates(state, view, schema, norm.ref, kind, leaf, assigned)) return;
  const parent = resolveParent(state, norm?.ref ?? null, kind, view.source);
  const { title, detail } = titleAndDetail(leaf);
  const index = plan.add({
    kind,
    ref: norm?.ref ?? null,
    printedRef: norm && (norm.ref === null || printedDiffers(norm)) ? norm.printed : null,
    parent,
    title,
    detail,
    source: view.source,
  });
  mergeRow(state, index, view, schema, 'fresh', leaf);
  if (title === '') plan.warn(`${norm?.printed ?? 'A row'} has a reference but no text`, view.source);
  ctx.last = index;
  if (norm?.ref && !assigned && kind !== 'milestone') ctx.heading = index;
  enterKind(state, kind, index);
}

function refAndLeaf(view: RowView, schema: Schema): { printed: string; leaf: Paragraph[] } {
  const leaf = schema.leaf ? (view.paragraphs[schema.leaf.index] ?? []) : [];
  if (schema.ref) return { printed: view.texts[schema.ref.index] ?? '', leaf };
  const [first, ...rest] = leaf;
  const numbered = first ? leadingNumber(first.text) : null;
  if (!first || !numbered) return { printed: '', leaf };
  return { printed: numbered.ref, leaf: [{ ...first, text: numbered.rest }, ...rest] };
}

function kindOf(schema: Schema): ImportedItemKind {
  return (schema.leaf?.role as ItemRole | undefined) ?? 'action';
}

/** The row names an item already read: restate it (or head its actions) instead of adding a duplicate. */
function restates(state: State, view: RowView, schema: Schema, ref: string, kind: ImportedItemKind, leaf: Paragraph[], assigned: boolean): boolean {
  const { plan, ctx } = state;
  const named = plan.byRef(ctx.section, ref);
  if (named.length === 0) return false;
  const title = leaf[0]?.text ?? '';
  const same = named.filter((i) => plan.items[i]?.kind === kind);
  const match = same.find((i) => {
    const existing = plan.items[i]?.title ?? '';
    return title === '' || existing === '' || sameTitle(existing) === sameTitle(title);
  });
  if (match !== undefined) {
    if (mergeRow(state, match, view, schema, 'restated', leaf)) ctx.last = match;
    return true;
  }
  const higher = named.filter((i) => plan.level(i) < levelOf(kind)).at(-1);
  if (same.length === 0 && higher !== undefined && !assigned) {
    mergeRow(state, higher, view, schema, 'heading', leaf);
    ctx.heading = higher;
    return true;
  }
  plan.warn(`Reference ${ref} appears more than once; both rows are kept`, view.source);
  return false;
}

function enterKind(state: State, kind: ImportedItemKind, index: number): void {
  if (kind === 'section') enterSection(state.ctx, index, false);
  if (kind === 'outcome') enterOutcome(state.ctx, index);
}
