import type { SourceRef } from '../grid-model.ts';
import type { ImportedItemKind } from '../imported-plan.ts';
import { levelOf } from './column-roles.ts';
import type { State } from './interpret-state.ts';
import { refPrefixes } from './refs.ts';

/**
 * The parent of a new item: the item whose ref its ref extends (1.1 for 1.1.3, in the same section; an action may
 * hold sub-actions), else the heading, outcome or section the rows around it belong to. A ref that contradicts its place gets a warning.
 */
export function resolveParent(state: State, ref: string | null, kind: ImportedItemKind, source: SourceRef): number | null {
  const { plan, ctx } = state;
  const level = levelOf(kind);
  const above = (i: number): boolean => plan.level(i) < level;
  const notBelow = (i: number): boolean => plan.level(i) <= level;
  const prefixes = ref === null ? [] : refPrefixes(ref);
  const [nearest] = prefixes;
  if (nearest !== undefined) {
    const found = plan.byRef(ctx.section, nearest).filter(notBelow).at(-1);
    if (found !== undefined) return found;
  }
  const subItems = kind === 'action' || kind === 'milestone';
  const heading = ctx.heading !== null && (subItems ? notBelow(ctx.heading) : above(ctx.heading)) ? ctx.heading : null;
  const parent = [heading, ctx.outcome, ctx.section].find((i): i is number => i !== null && (i === heading || above(i))) ?? null;
  const parentRef = parent === null ? null : (plan.items[parent]?.ref ?? null);
  if (ref !== null && nearest !== undefined && parentRef !== null && !prefixes.includes(parentRef)) {
    plan.warn(`${ref} has no item ${nearest} to belong to; placed under ${parentRef}, the rows around it`, source);
  }
  return parent;
}
