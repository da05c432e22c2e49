import type { State } from './interpret-state.ts';
import { normaliseRef } from './refs.ts';
import type { RowView } from './row-view.ts';

/**
 * Under a "Progress Update" label, a row starts with the ref of an item read above ("1.1") and any words after it
 * are that item's progress. True when the row was such a row.
 */
export function placeProgressRow(state: State, view: RowView): boolean {
  const { plan, ctx } = state;
  const [first = '', ...rest] = view.texts;
  const ref = normaliseRef(first).ref;
  if (ref === null) return false;
  const words = rest.filter(Boolean);
  const item = plan.byRef(ctx.section, ref).at(-1);
  if (item === undefined) {
    if (words.length > 0) return false;
    plan.warn(`Progress row ${first} names no item read above; nothing to record`, view.source);
    return true;
  }
  for (const text of words) plan.addValue(item, 'progress', 'Progress Update', text);
  return true;
}
