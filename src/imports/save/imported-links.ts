import { refKey } from '../../items/ref-key.ts';
import type { RelationType } from '../../relations/domain/relation.ts';
import { validateRelation, type RelationProblem } from '../../relations/domain/validate-relation.ts';
import type { ImportedItem, ImportedPlan } from '../imported-plan.ts';

/** A link the document's text makes from one item to another (indexes into the plan's items). */
export interface ImportedLink {
  from: number;
  to: number;
  type: RelationType;
  /** The words of a link Waymark has no type for ("feeds into"), kept as the relation's note. */
  note: string | null;
  /** The link as the interpreter read it from the item's text. */
  read: ImportedItem['relations'][number];
}

const TYPES: Record<string, RelationType> = { links_to: 'links_to', follows_on_from: 'follows_on_from', depends_on: 'depends_on', duplicates: 'duplicates' };
const KINDS: Record<ImportedItem['kind'], string> = { section: 'Section', outcome: 'Outcome', measure: 'Measure', action: 'Action', milestone: 'Milestone' };

/** How a warning names an item: "Action 1.2", or its title (shortened) when it has no reference. */
export const importedItemName = (item: ImportedItem | undefined): string =>
  !item ? 'An item' : item.ref ? `${KINDS[item.kind]} ${item.ref}` : `“${item.title.length > 60 ? `${item.title.slice(0, 59)}…` : item.title}”`;

/**
 * The links written in the items' text ("Follows on from action 16"), each resolved to the item it names: the one
 * with that reference under the same parent first (some plans restart their letters under each recommendation),
 * else the first in the document. Links to a reference the document does not have are left out.
 */
export function importedLinks(items: readonly ImportedItem[]): ImportedLink[] {
  const byRef = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = refKey(item.ref);
    if (key) byRef.set(key, [...(byRef.get(key) ?? []), index]);
  });
  return items.flatMap((item, from) =>
    item.relations.flatMap((read) => {
      const candidates = byRef.get(refKey(read.toRef) ?? '') ?? [];
      const to = candidates.find((c) => c !== from && items[c]?.parentIndex === item.parentIndex) ?? candidates.find((c) => c !== from);
      if (to === undefined) return [];
      const type = TYPES[read.type];
      return [{ from, to, type: type ?? 'links_to', note: type ? null : read.type.replace(/_/g, ' '), read }];
    }),
  );
}

/**
 * The document's links checked in order by the relations feature's rules, as if added one by one: a link that would
 * close a loop of dependencies (or repeats one before it) is refused, with the reason.
 */
export function checkImportedLinks(items: readonly ImportedItem[]): { accepted: ImportedLink[]; refused: { link: ImportedLink; problem: RelationProblem }[] } {
  const context = {
    visibleItemIds: new Set(items.map((_, index) => String(index))),
    existing: [] as { fromId: string; toId: string; type: RelationType; lagDays: number }[],
    planLengthDays: Number.MAX_SAFE_INTEGER,
    labelOf: (id: string) => importedItemName(items[Number(id)]),
  };
  const accepted: ImportedLink[] = [];
  const refused: { link: ImportedLink; problem: RelationProblem }[] = [];
  for (const link of importedLinks(items)) {
    const candidate = { fromId: String(link.from), toId: String(link.to), type: link.type, lagDays: 0 };
    const problem = validateRelation(candidate, context);
    if (problem) refused.push({ link, problem });
    else {
      context.existing.push(candidate);
      accepted.push(link);
    }
  }
  return { accepted, refused };
}

/**
 * The plan without the links that would make a loop of dependencies, each left out with a warning that names the
 * loop, so the preview shows it and nothing saves it. A council cannot easily change its source document, so a loop
 * in loose text does not stop the import; the links can be corrected on the item pages afterwards.
 */
export function withoutLoopingLinks(plan: ImportedPlan): ImportedPlan {
  const loops = checkImportedLinks(plan.items).refused.filter((r) => r.problem.code === 'cycle');
  if (loops.length === 0) return plan;
  const dropped = new Set(loops.map((r) => r.link.read));
  return {
    ...plan,
    items: plan.items.map((item) => (item.relations.some((r) => dropped.has(r)) ? { ...item, relations: item.relations.filter((r) => !dropped.has(r)) } : item)),
    warnings: [
      ...plan.warnings,
      ...loops.map(({ link, problem }) => ({
        where: importedItemName(plan.items[link.from]),
        message: `The link “${link.read.type.replace(/_/g, ' ')} action ${link.read.toRef}” is left out. ${problem.message}. Correct the links on the item pages after the import.`,
      })),
    ],
  };
}
