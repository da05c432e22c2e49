import { z } from 'zod';
import { asArray, issuesOf, textField, type FieldIssue } from '../web/form-errors.ts';
import type { ItemKind } from '../db/schema.ts';

export const ITEM_KINDS: { value: ItemKind; text: string; hint: string }[] = [
  { value: 'section', text: 'Section', hint: 'A theme, priority or recommendation that groups other items.' },
  { value: 'outcome', text: 'Outcome', hint: 'What the plan wants to achieve.' },
  { value: 'measure', text: 'Measure of success', hint: 'How achievement will be judged.' },
  { value: 'action', text: 'Action', hint: 'Something a lead officer will do, with a target date.' },
  { value: 'milestone', text: 'Milestone', hint: 'A step within an action.' },
];

export const PRIORITIES = ['High', 'Medium', 'Low'] as const;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

const uuid = z.uuid('Select a person from the list');

export const itemFormSchema = z.object({
  kind: z.enum(['section', 'outcome', 'measure', 'action', 'milestone'], { error: 'Select what kind of item this is' }),
  ref: optionalText('Reference', 30),
  title: z.string().trim().min(1, 'Enter a title').max(2000, 'Title must be 2,000 characters or fewer'),
  detail: optionalText('Detail', 20_000),
  priority: z
    .string()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.enum(PRIORITIES, { error: 'Select High, Medium or Low' }).nullable()),
  corporatePriorities: z.array(z.string().max(50)),
  targetText: optionalText('Target date', 200),
  resources: optionalText('Resources', 5000),
  leads: z.array(uuid).max(10, 'Choose no more than 10 lead officers'),
  leadMember: z
    .string()
    .transform((v) => (v === '' ? null : v))
    .pipe(uuid.nullable()),
  parentId: z
    .string()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid('Select where this item belongs').nullable()),
});

export type ItemForm = z.infer<typeof itemFormSchema>;

export interface ItemFormValues {
  kind: string;
  ref: string;
  title: string;
  detail: string;
  priority: string;
  corporatePriorities: string[];
  targetText: string;
  resources: string;
  leads: string[];
  leadMember: string;
  parentId: string;
}

export function itemFormValues(body: Record<string, unknown>): ItemFormValues {
  const text = (key: string) => textField(body, key);
  return {
    kind: text('kind'),
    ref: text('ref'),
    title: text('title'),
    detail: text('detail'),
    priority: text('priority'),
    corporatePriorities: asArray(body.corporatePriorities),
    targetText: text('targetText'),
    resources: text('resources'),
    leads: asArray(body.leads),
    leadMember: text('leadMember'),
    parentId: text('parentId'),
  };
}

export function parseItemForm(values: ItemFormValues): { ok: true; form: ItemForm } | { ok: false; issues: FieldIssue[] } {
  const parsed = itemFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  return { ok: true, form: parsed.data };
}
