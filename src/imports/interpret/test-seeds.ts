import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportedItem, ImportedItemKind, ImportedPlan } from '../imported-plan.ts';
import { readText } from '../readers/text-reader.ts';
import { interpretGrid } from './interpret-grid.ts';

/** For tests: the five real plans in ../shared/seeds (a sibling of the repository), read and interpreted. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`No seed ${prefix}_* in ${SEEDS_DIR}`);
  return `${SEEDS_DIR}${name}`;
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

export function importSeed(prefix: string): ImportedPlan {
  const path = seedPath(prefix);
  return interpretGrid(readText(readFileSync(path, 'utf8'), path.split('/').pop() ?? prefix));
}

export const ofKind = (plan: ImportedPlan, kind: ImportedItemKind): ImportedItem[] => plan.items.filter((i) => i.kind === kind);

export function byRef(plan: ImportedPlan, ref: string, kind: ImportedItemKind = 'action'): ImportedItem {
  const item = plan.items.find((i) => i.ref === ref && i.kind === kind);
  if (!item) throw new Error(`No ${kind} ${ref}`);
  return item;
}

export function childrenOf(plan: ImportedPlan, parent: ImportedItem, kind?: ImportedItemKind): ImportedItem[] {
  const index = plan.items.indexOf(parent);
  return plan.items.filter((i) => i.parentIndex === index && (kind === undefined || i.kind === kind));
}

export function parentOf(plan: ImportedPlan, item: ImportedItem): ImportedItem | null {
  return item.parentIndex === null ? null : (plan.items[item.parentIndex] ?? null);
}
