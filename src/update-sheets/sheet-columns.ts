/** The update sheet's columns, in order. Upload matches them by header text, so a reordered sheet still reads. */
export const SHEET_COLUMNS = [
  { key: 'ref', header: 'Ref', width: 10 },
  { key: 'title', header: 'Action', width: 50 },
  { key: 'lead', header: 'Lead', width: 22 },
  { key: 'target', header: 'Current target', width: 16 },
  { key: 'status', header: 'Status', width: 18 },
  { key: 'rag', header: 'RAG', width: 10 },
  { key: 'direction', header: 'Direction', width: 12 },
  { key: 'percent', header: '% complete', width: 11 },
  { key: 'narrative', header: 'Progress', width: 60 },
  { key: 'corrective', header: 'Corrective action', width: 40 },
  { key: 'revisedDate', header: 'Revised target date', width: 18 },
  { key: 'reason', header: 'Reason', width: 40 },
  { key: 'id', header: 'Waymark ID', width: 38 },
] as const;

export type ColumnKey = (typeof SHEET_COLUMNS)[number]['key'];

/** The columns a lead fills in; a row with all of them blank is skipped. */
export const UPDATE_KEYS = ['status', 'rag', 'direction', 'percent', 'narrative', 'corrective', 'revisedDate', 'reason'] as const satisfies readonly ColumnKey[];

export const headerOf = (key: ColumnKey) => SHEET_COLUMNS.find((c) => c.key === key)?.header ?? key;

export const RAG_CHOICES = ['Red', 'Amber', 'Green', 'Blue'] as const;
export const DIRECTION_CHOICES = ['Improving', 'Same', 'Worse'] as const;

/** A very hidden sheet holding each plan's status list and which worksheet is which plan. */
export const LISTS_SHEET = 'Lists';
export const README_SHEET = 'Read me';

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique within the workbook. */
export function worksheetNames(titles: string[]): string[] {
  const used = new Set<string>([LISTS_SHEET.toLowerCase(), README_SHEET.toLowerCase()]);
  return titles.map((title) => {
    const base = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Plan';
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  });
}
