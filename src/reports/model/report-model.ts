import { z } from 'zod';
import { ragCodeSchema } from './rag.ts';

/**
 * Everything a committee report shows, already chosen (as-at date, filters, approved updates only) and formatted.
 * Writers are pure functions of this model; an issued pack stores it as JSON (validate with `reportModelSchema`).
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (yyyy-mm-dd)');

export const directionSchema = z.enum(['improving', 'same', 'worse']);
export type Direction = z.infer<typeof directionSchema>;

export const reportItemKindSchema = z.enum(['section', 'outcome', 'measure', 'action', 'milestone']);
export type ReportItemKind = z.infer<typeof reportItemKindSchema>;

export const reportRowSchema = z.object({
  itemId: z.string().min(1),
  ref: z.string().nullable(),
  title: z.string(),
  kind: reportItemKindSchema,
  /** 0 = top level (a theme or priority). */
  depth: z.number().int().min(0),
  theme: z.string().nullable(),
  leads: z.array(z.string()),
  leadMember: z.string().nullable(),
  /** The target date as written in the plan ("Ongoing", "Q3 2025/26", "31/12/14"). */
  target: z.string(),
  revisedTarget: z.string().nullable(),
  status: z.string().nullable(),
  rag: ragCodeSchema,
  direction: directionSchema.nullable(),
  percentComplete: z.number().min(0).max(100).nullable(),
  narrative: z.string().nullable(),
  correctiveAction: z.string().nullable(),
  /** The value shown in each of the report's columns, by column key, already formatted. */
  cells: z.record(z.string(), z.string()),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportColumnSchema = z.object({
  key: z.string().min(1),
  label: z.string(),
  /** Relative width (weights are shared out across the page); 1 when absent. */
  width: z.number().positive().optional(),
  /** 'rag' columns are drawn as a labelled RAG tag or shaded cell. */
  kind: z.enum(['text', 'rag']),
});
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportSectionsSchema = z.object({
  cover: z.boolean(),
  summary: z.boolean(),
  exceptions: z.boolean(),
  changes: z.boolean(),
  fullTable: z.boolean(),
  /** Packs issued and templates saved before this part existed leave it out. */
  implications: z.boolean().default(false),
  measures: z.boolean(),
  risks: z.boolean(),
});
export type ReportSections = z.infer<typeof reportSectionsSchema>;
export type ReportSectionId = keyof ReportSections;

const ragCountSchema = z.object({ rag: ragCodeSchema, count: z.number().int().min(0) });
export type RagCount = z.infer<typeof ragCountSchema>;

export const reportSummarySchema = z.object({
  total: z.number().int().min(0),
  byRag: z.array(ragCountSchema),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int().min(0) })),
  byTheme: z.array(z.object({ theme: z.string(), total: z.number().int().min(0), byRag: z.array(ragCountSchema) })),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const revisedDateSchema = z.object({
  ref: z.string().nullable(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string().nullable(),
  agreedBy: z.string().nullable(),
  agreedOn: isoDate.nullable(),
});
export type RevisedDate = z.infer<typeof revisedDateSchema>;

export const reportExceptionsSchema = z.object({
  redAmber: z.array(reportRowSchema),
  overdue: z.array(reportRowSchema),
  revisedDates: z.array(revisedDateSchema),
  correctiveActions: z.array(z.object({ ref: z.string().nullable(), title: z.string(), text: z.string() })),
});
export type ReportExceptions = z.infer<typeof reportExceptionsSchema>;

export const changeKindSchema = z.enum(['new', 'closed', 'rag', 'date', 'status', 'text']);
export type ChangeKind = z.infer<typeof changeKindSchema>;

export const changeEntrySchema = z.object({
  ref: z.string().nullable(),
  title: z.string(),
  kind: changeKindSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;

export const reportChangesSchema = z.object({
  /** How the earlier pack is named to readers, e.g. "Cabinet, 12 June 2025". */
  sinceTitle: z.string(),
  sinceDate: isoDate,
  entries: z.array(changeEntrySchema),
});
export type ReportChanges = z.infer<typeof reportChangesSchema>;

export const reportMeasureSchema = z.object({
  name: z.string(),
  unit: z.string().nullable(),
  baseline: z.string().nullable(),
  target: z.string().nullable(),
  latest: z.string().nullable(),
  rag: ragCodeSchema,
  trend: directionSchema.nullable(),
});
export type ReportMeasure = z.infer<typeof reportMeasureSchema>;

export const reportRiskSchema = z.object({
  ref: z.string().nullable(),
  title: z.string(),
  owner: z.string().nullable(),
  inherent: z.string().nullable(),
  residual: z.string().nullable(),
  target: z.string().nullable(),
  rag: ragCodeSchema,
});
export type ReportRisk = z.infer<typeof reportRiskSchema>;

/** One heading of the plan's wider implications (financial, legal, risk, equality, HR, climate, other). */
export const reportImplicationSchema = z.object({
  category: z.string(),
  /** As the plan page shows it: "Financial", "Other: Health and safety". */
  heading: z.string(),
  text: z.string(),
  /** Financial only: the amount in pounds, when one was given. */
  amount: z.number().nullable(),
});
export type ReportImplication = z.infer<typeof reportImplicationSchema>;

export const reportLogoSchema = z.object({
  mediaType: z.enum(['image/png', 'image/jpeg']),
  base64: z.string().min(1),
  alt: z.string(),
  /** Size to draw at, in CSS pixels (1/96 inch). */
  width: z.number().positive(),
  height: z.number().positive(),
});
export type ReportLogo = z.infer<typeof reportLogoSchema>;

export const reportModelSchema = z.object({
  organisationName: z.string(),
  planTitle: z.string(),
  title: z.string(),
  audience: z.string(),
  asAt: isoDate,
  periodLabel: z.string().nullable(),
  generatedAt: z.iso.datetime({ offset: true }),
  /** What the plan calls the items counted in the summary ("action"/"actions", "proposal"/"proposals"). */
  itemNoun: z.object({ singular: z.string(), plural: z.string() }),
  /** Label/value pairs for the cover, as on a committee report front sheet ("Report to", "Date of meeting"). */
  coverDetails: z.array(z.object({ label: z.string(), value: z.string() })),
  logo: reportLogoSchema.nullable(),
  introduction: z.array(z.string()),
  recommendations: z.array(z.string()),
  sections: reportSectionsSchema,
  summary: reportSummarySchema,
  exceptions: reportExceptionsSchema,
  changes: reportChangesSchema.nullable(),
  columns: z.array(reportColumnSchema).min(1),
  rows: z.array(reportRowSchema),
  /** Packs issued before this part existed have none. */
  implications: z.array(reportImplicationSchema).default([]),
  measures: z.array(reportMeasureSchema),
  risks: z.array(reportRiskSchema),
});
export type ReportModel = z.infer<typeof reportModelSchema>;
