import { comparePackRows } from '../model/compare-packs.ts';
import type {
  ReportColumn, ReportImplication, ReportItemKind, ReportLogo, ReportMeasure, ReportModel, ReportRisk, ReportRow, ReportSections,
} from '../model/report-model.ts';
import { summariseRows } from '../model/summarise-rows.ts';
import { formatReportDate } from '../writers/report-dates.ts';
import { reportExceptions } from './report-exceptions.ts';
import type { ReportExtras } from './report-extras.ts';
import type { RowDraft } from './report-rows.ts';

export interface PreviousPack {
  title: string;
  asAt: string;
  rows: ReportRow[];
}

export interface AssemblyInputs {
  organisationName: string;
  planTitle: string;
  title: string;
  /** The template's introduction: paragraphs separated by blank lines; {plan}, {date}, {audience}, {period} filled in. */
  introduction: string;
  logo: ReportLogo | null;
  audience: string;
  asAt: string;
  periodLabel: string | null;
  generatedAt: string;
  coverDetails: { label: string; value: string }[];
  itemNoun: { singular: string; plural: string };
  sections: ReportSections;
  columns: ReportColumn[];
  drafts: readonly RowDraft[];
  counted: readonly ReportItemKind[];
  revisions: ReportExtras['revisions'];
  revisedSince: Date | null;
  previous: PreviousPack | null;
  implications: ReportImplication[];
  measures: ReportMeasure[];
  risks: ReportRisk[];
}

export const defaultIntroduction = 'This report sets out progress on {plan} as at {date}.';

function introductionParagraphs(inputs: AssemblyInputs): string[] {
  const fill: Record<string, string> = {
    plan: inputs.planTitle, date: formatReportDate(inputs.asAt), audience: inputs.audience, period: inputs.periodLabel ?? '',
  };
  return inputs.introduction
    .replace(/\{(plan|date|audience|period)\}/g, (_, key: string) => fill[key] ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** The committee report's model from rows already chosen (as at the date, filtered) and what surrounds them. */
export function assembleReportModel(inputs: AssemblyInputs): ReportModel {
  const rows = inputs.drafts.map((draft) => draft.row);
  return {
    organisationName: inputs.organisationName,
    planTitle: inputs.planTitle,
    title: inputs.title,
    audience: inputs.audience,
    asAt: inputs.asAt,
    periodLabel: inputs.periodLabel,
    generatedAt: inputs.generatedAt,
    itemNoun: inputs.itemNoun,
    coverDetails: inputs.coverDetails,
    logo: inputs.logo,
    introduction: introductionParagraphs(inputs),
    recommendations: [],
    sections: inputs.sections,
    summary: summariseRows(rows, inputs.counted),
    exceptions: reportExceptions({
      drafts: inputs.drafts, counted: inputs.counted, revisions: inputs.revisions, revisedSince: inputs.revisedSince, asAt: inputs.asAt,
    }),
    // Material changes only: nearly every narrative changes each quarter, and the full table shows the new ones.
    changes: inputs.previous === null ? null : {
      sinceTitle: inputs.previous.title, sinceDate: inputs.previous.asAt,
      entries: comparePackRows(inputs.previous.rows, rows).filter((entry) => entry.kind !== 'text'),
    },
    columns: inputs.columns,
    rows,
    implications: inputs.sections.implications ? inputs.implications : [],
    measures: inputs.sections.measures ? inputs.measures : [],
    risks: inputs.sections.risks ? inputs.risks : [],
  };
}
