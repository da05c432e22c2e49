import type { Paragraph } from '../grid-model.ts';
import { isItemRole, isMonthMark } from './column-roles.ts';
import { sameTitle } from './draft-plan.ts';
import type { State } from './interpret-state.ts';
import { paragraphLine } from './narrative.ts';
import type { RowView } from './row-view.ts';
import type { Schema } from './table-schema.ts';

/**
 * Puts a row's cells into an item. `fresh`: the row made the item (its title is already set). `restated`: the row
 * repeats the item (a page-break repeat, an empty progress row). `heading`: a row of another table names the item
 * ("4.1. Overall Customer satisfaction" over the actions of measure 4.1); its differing words are kept as a field.
 * `wrapped`: the row is the rest of the item's cells, wrapped onto the next line or page.
 * Returns true when the item took words it did not have.
 */
export type MergeMode = 'fresh' | 'restated' | 'heading' | 'wrapped';

export function mergeRow(state: State, index: number, view: RowView, schema: Schema, mode: MergeMode, leaf: Paragraph[]): boolean {
  const { plan } = state;
  const item = plan.items[index];
  if (!item) return false;
  let changed = false;
  for (const column of schema.columns) {
    const text = view.texts[column.index] ?? '';
    if (text === '' || column.role === 'ref') continue;
    if (column === schema.leaf) {
      if (mode === 'wrapped') changed = appendWrapped(item, leaf) || changed;
      else if (mode === 'heading' && sameTitle(text) !== sameTitle(item.title)) changed = plan.addValue(index, 'field', column.key, text) || changed;
      else if (mode === 'restated' && item.title === '' && leaf[0]) {
        item.title = leaf[0].text;
        changed = true;
      }
      continue;
    }
    if (isItemRole(column.role)) continue;
    if (column.role === 'month' && column.month !== null && isMonthMark(text)) {
      changed = !item.months.has(column.month) || changed;
      item.months.add(column.month);
      continue;
    }
    const role = column.role === 'month' ? 'field' : column.role;
    changed = plan.addValue(index, role, column.key, text, column.asOf) || changed;
  }
  return changed;
}

/** A title cut mid-sentence goes on with the wrapped words; otherwise they are more detail. */
function appendWrapped(item: { title: string; detail: string[] }, leaf: Paragraph[]): boolean {
  const [first, ...rest] = leaf;
  if (!first) return false;
  if (item.title === '') item.title = first.text;
  else if (item.detail.length === 0 && !/[.!?:;)]$/.test(item.title)) item.title = `${item.title} ${first.text}`;
  else item.detail.push(paragraphLine(first));
  item.detail.push(...rest.map(paragraphLine));
  return true;
}

/** Does the row give the item an owner, a date, a status or planned months, rather than only words? */
export function hasAssignments(view: RowView, schema: Schema): boolean {
  return schema.columns.some((column) => {
    const text = view.texts[column.index] ?? '';
    if (text === '') return false;
    if (column.role === 'month') return isMonthMark(text);
    return ['lead', 'leadMember', 'target', 'start', 'priority', 'status', 'progress', 'direction'].includes(column.role);
  });
}
