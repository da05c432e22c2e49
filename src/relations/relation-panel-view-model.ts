import type { FormErrors } from '../web/form-errors.ts';
import { relationRows } from '../items/item-page-view-model.ts';
import { hierarchyOrder } from '../timeline/domain/timeline-hierarchy.ts';
import type { KnockOn } from './domain/knock-on.ts';
import { knockOnReason } from './domain/knock-on-reason.ts';
import type { ScheduleItem } from './plan-schedule.ts';
import type { PlanRelationRow } from './relation-repository.ts';
import { RELATION_TYPE_CHOICES, type RelationFormValues } from './relation-form.ts';

export interface RelationPanelInput {
  planId: string;
  itemId: string;
  /** The plan's items in the order of its tree. */
  items: readonly ScheduleItem[];
  relations: readonly PlanRelationRow[];
  knockOn: KnockOn | undefined;
  canEdit: boolean;
  values?: RelationFormValues;
  errors?: FormErrors;
}

const label = (item: { ref: string | null; title: string }) => {
  const title = item.title.length > 80 ? `${item.title.slice(0, 79)}…` : item.title;
  return item.ref ? `${item.ref} ${title}` : title;
};

/** The relations panel of an item page, and the page that shows the same form with its errors. */
export function relationPanel(input: RelationPanelInput) {
  const values = input.values ?? { type: 'depends_on', toItemId: '', lagDays: '' };
  const base = `/plans/${input.planId}/items/${input.itemId}/relations`;
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const own = input.relations
    .filter((r) => r.from_item_id === input.itemId || r.to_item_id === input.itemId)
    .map((r) => {
      const [from, to] = [byId.get(r.from_item_id), byId.get(r.to_item_id)];
      return { ...r, fromRef: from?.ref ?? null, fromTitle: from?.title ?? '', toRef: to?.ref ?? null, toTitle: to?.title ?? '' };
    });
  const ordered = hierarchyOrder(input.items).map((placed) => placed.item);
  return {
    canEdit: input.canEdit,
    action: base,
    errors: input.errors,
    typeItems: RELATION_TYPE_CHOICES.map((choice) => ({
      value: choice.value,
      text: choice.text,
      hint: { text: choice.hint },
      checked: values.type === choice.value,
    })),
    targetItems: [
      { value: '', text: 'Choose an item', selected: values.toItemId === '' },
      ...ordered
        .filter((item) => item.id !== input.itemId)
        .map((item) => ({ value: item.id, text: label(item), selected: values.toItemId === item.id })),
    ],
    lagDays: values.lagDays,
    removable: relationRows(input.itemId, own).map((row) => ({
      text: `${row.label} ${row.otherLabel}${row.lag ? ` (${row.lag})` : ''}`,
      action: `${base}/${row.id}/delete`,
    })),
    atRisk: input.knockOn ? knockOnReason(input.knockOn) : null,
  };
}

export type RelationPanel = ReturnType<typeof relationPanel>;
