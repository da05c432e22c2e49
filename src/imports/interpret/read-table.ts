import type { GridTable } from '../grid-model.ts';
import { isHeaderRow } from './header-detection.ts';
import type { State } from './interpret-state.ts';
import { addNarrative, tableLines } from './narrative.ts';
import { placeRow } from './place-row.ts';
import { hasWords, soleText, viewOf, type RowView } from './row-view.ts';
import { placeOutcomeRow, placeStructureText } from './structure-rows.ts';
import { buildSchema, columnKey } from './table-schema.ts';

/**
 * A table, row by row: structure rows (sections, outcome labels, "Progress Update"), header rows (which set the
 * columns' roles until the next header; a table without one continues the last plan table across a page break),
 * captions, plan rows, and rows of tables that are not plans (kept as narrative lines).
 */
export function readTable(state: State, table: GridTable): void {
  const { ctx } = state;
  const views = table.rows.map(viewOf);
  const headers = views.map((v) => isHeaderRow(v.texts));
  const width = Math.max(...views.map((v) => v.texts.length));
  if (ctx.schema && width > ctx.schema.width + 2) ctx.schema = null;
  let others: RowView[] = [];
  const flushOthers = (): void => {
    for (const line of tableLines(others)) addNarrative(state, line);
    others = [];
  };

  for (let i = 0; i < views.length; i += 1) {
    const view = views[i];
    if (!view || !hasWords(view)) continue;
    const sole = soleText(view);
    const soleParagraphs = view.paragraphs.find((p) => p.length > 0) ?? [];
    if (sole !== null && placeStructureText(state, soleParagraphs, view.source, true)) continue;
    if (placeOutcomeRow(state, view)) continue;
    if (headers[i]) {
      let end = i + 1;
      while (end < views.length && headers[end]) end += 1;
      let next = end;
      while (next < views.length && !headers[next]) next += 1;
      const schema = buildSchema(views.slice(i, end), views.slice(end, next), state.year, state.overrides);
      ctx.schema = schema.leaf ? schema : null;
      if (schema.leaf) for (const c of schema.columns) if (c.label && !state.columns.has(columnKey(c.label))) state.columns.set(columnKey(c.label), { label: c.label, role: c.role });
      ctx.inProgressBlock = false;
      if (!schema.leaf) others.push(...views.slice(i, end));
      i = end - 1;
      continue;
    }
    if (sole !== null && headers[i + 1] === true && isCaption(state, sole)) {
      addNarrative(state, sole);
      continue;
    }
    if (ctx.schema) {
      flushOthers();
      placeRow(state, view, ctx.schema);
    } else {
      others.push(view);
    }
  }
  flushOthers();
}

/**
 * One line over a header ("Plans for 2009/10") is the table's caption, kept once as narrative. Under an open plan
 * table it is more likely the tail of a row wrapped over a page break, unless it was already seen as a caption.
 */
function isCaption(state: State, text: string): boolean {
  if (state.ctx.schema !== null && !state.captions.has(text)) return false;
  state.captions.add(text);
  return true;
}
