import type { ReportColumn } from '../model/report-model.ts';

/** A column every plan has: its key in the report model, its heading, other names a template may use for it. */
export interface StandardColumn {
  key: string;
  label: string;
  aliases: readonly string[];
  width: number;
  kind: 'text' | 'rag';
}

export const standardColumns: readonly StandardColumn[] = [
  { key: 'ref', label: 'Ref', aliases: ['reference', 'no', 'number'], width: 0.7, kind: 'text' },
  { key: 'title', label: 'Action', aliases: ['title', 'description'], width: 2.6, kind: 'text' },
  { key: 'theme', label: 'Theme', aliases: ['priority area', 'section'], width: 1.4, kind: 'text' },
  { key: 'leads', label: 'Lead officer', aliases: ['lead', 'leads', 'lead officers', 'lead officer(s)', 'owner'], width: 1.6, kind: 'text' },
  { key: 'leadMember', label: 'Lead member', aliases: ['portfolio holder', 'lead councillor'], width: 1.4, kind: 'text' },
  { key: 'target', label: 'Target date', aliases: ['completion date', 'due date', 'timescale', 'when'], width: 1.2, kind: 'text' },
  { key: 'status', label: 'Status', aliases: [], width: 1, kind: 'text' },
  { key: 'rag', label: 'RAG', aliases: ['rag rating', 'rating'], width: 0.9, kind: 'rag' },
  { key: 'direction', label: 'Direction of travel', aliases: ['direction', 'trend'], width: 1, kind: 'text' },
  { key: 'percent', label: '% complete', aliases: ['percent complete', 'per cent complete'], width: 0.8, kind: 'text' },
  { key: 'progress', label: 'Progress', aliases: ['update', 'progress update', 'commentary', 'narrative'], width: 4, kind: 'text' },
  { key: 'corrective', label: 'Corrective action', aliases: ['corrective actions', 'mitigation'], width: 2, kind: 'text' },
  { key: 'priority', label: 'Priority', aliases: [], width: 0.8, kind: 'text' },
  { key: 'updated', label: 'Last update', aliases: ['updated', 'as of'], width: 1, kind: 'text' },
];

export const defaultColumnNames: readonly string[] = ['Ref', 'Action', 'Lead officer', 'Target date', 'Status', 'RAG', 'Progress'];

/** The key of a plan's own field (an imported column such as "Link to Council Priority"). */
export const customKey = (fieldName: string) => `custom:${fieldName}`;

const norm = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

function findStandard(name: string): StandardColumn | undefined {
  const wanted = norm(name);
  return standardColumns.find((col) => col.key.toLowerCase() === wanted || norm(col.label) === wanted || col.aliases.includes(wanted));
}

export type ColumnResolution = { ok: true; columns: ReportColumn[] } | { ok: false; missing: string[] };

/**
 * The report's columns from a template's column names, in order. A name matches a standard column (by heading or
 * another usual name) or one of the plan's own fields; names that match neither are reported as missing. The
 * title column is headed with the plan's word for its items ("Action", "Proposal").
 */
export function resolveColumns(names: readonly string[], customFields: readonly string[], itemHeading: string): ColumnResolution {
  const columns: ReportColumn[] = [];
  const missing: string[] = [];
  for (const name of names.map((n) => n.trim()).filter((n) => n !== '')) {
    const standard = findStandard(name);
    const custom = customFields.find((field) => norm(field) === norm(name));
    if (standard) {
      const label = standard.key === 'title' && norm(name) === 'action' ? itemHeading : name;
      columns.push({ key: standard.key, label, width: standard.width, kind: standard.kind });
    } else if (custom !== undefined) {
      columns.push({ key: customKey(custom), label: custom, width: 1.2, kind: 'text' });
    } else {
      missing.push(name);
    }
  }
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, columns };
}

/** Every column name a template may use for a plan: the standard headings, then the plan's own fields. */
export function availableColumnNames(customFields: readonly string[]): string[] {
  return [...standardColumns.map((col) => col.label), ...customFields];
}
