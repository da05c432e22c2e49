import type { Person, CorporatePriority } from '../db/schema.ts';
import { buildTree, flatten, itemLabel } from '../plans/plan-tree.ts';
import type { PlanItemRow } from './item-repository.ts';
import { ITEM_KINDS, PRIORITIES, type ItemFormValues } from './item-form.ts';

/** The choices on the item form, with the current values selected. */
export function itemFormOptions(
  values: ItemFormValues,
  context: { people: Person[]; priorities: CorporatePriority[]; items: PlanItemRow[]; excludeSubtreeOf?: string },
) {
  const nodes = flatten(buildTree(context.items));
  const excluded = new Set<string>();
  if (context.excludeSubtreeOf) {
    for (const node of nodes) {
      if (node.item.id === context.excludeSubtreeOf || (node.item.parent_id && excluded.has(node.item.parent_id))) excluded.add(node.item.id);
    }
  }
  const personLabel = (p: Person) => (p.role_title ? `${p.name} (${p.role_title})` : p.name);
  return {
    kindItems: ITEM_KINDS.map((k) => ({ value: k.value, text: k.text, hint: { text: k.hint }, checked: values.kind === k.value })),
    priorityItems: [
      { value: '', text: 'None', selected: values.priority === '' },
      ...PRIORITIES.map((p) => ({ value: p, text: p, selected: values.priority === p })),
    ],
    corporatePriorityItems: context.priorities.map((p) => ({
      value: p.code,
      text: p.label === p.code ? p.code : `${p.code}: ${p.label}`,
      checked: values.corporatePriorities.includes(p.code),
    })),
    leadItems: context.people
      .filter((p) => p.kind !== 'member')
      .map((p) => ({ value: p.id, text: personLabel(p), checked: values.leads.includes(p.id) })),
    leadMemberItems: [
      { value: '', text: 'None', selected: values.leadMember === '' },
      ...context.people.filter((p) => p.kind === 'member').map((p) => ({ value: p.id, text: personLabel(p), selected: values.leadMember === p.id })),
    ],
    parentItems: [
      { value: '', text: 'Top level of the plan', selected: values.parentId === '' },
      ...nodes
        .filter((n) => !excluded.has(n.item.id))
        .map((n) => ({ value: n.item.id, text: `${'— '.repeat(n.depth)}${itemLabel(n.item, 70)}`, selected: values.parentId === n.item.id })),
    ],
  };
}
