import { z } from 'zod';

/**
 * What the interpreter understood of a document, before anything is saved. This is also the exact JSON printed by
 * `npm run --silent waymark -- import FILE --dry-run --json`.
 */
export const itemKindSchema = z.enum(['section', 'outcome', 'measure', 'action', 'milestone']);
export type ImportedItemKind = z.infer<typeof itemKindSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const importedItemSchema = z.object({
  ref: z.string().nullable(),
  kind: itemKindSchema,
  title: z.string(),
  detail: z.string().nullable(),
  parentIndex: z.number().int().nullable(),
  leads: z.array(z.string()),
  leadMember: z.string().nullable(),
  priority: z.string().nullable(),
  target: z.object({ text: z.string(), start: isoDate.nullable(), end: isoDate.nullable() }).nullable(),
  plannedMonths: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  fields: z.record(z.string(), z.string()),
  updates: z.array(z.object({ asOf: isoDate.nullable(), status: z.string().nullable(), text: z.string() })),
  relations: z.array(z.object({ type: z.string(), toRef: z.string() })),
});
export type ImportedItem = z.infer<typeof importedItemSchema>;

export const importedPlanSchema = z.object({
  plan: z.object({ title: z.string(), narrative: z.array(z.string()) }),
  items: z.array(importedItemSchema),
  warnings: z.array(z.object({ message: z.string(), where: z.string() })),
});
export type ImportedPlan = z.infer<typeof importedPlanSchema>;
