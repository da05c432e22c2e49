import type { ReportModel, ReportRow } from './report-model.ts';
import { summariseRows } from './summarise-rows.ts';

/** Text that must come out of every writer exactly as written and never as markup or a formula. */
export const hostileText = {
  markup: '<script>alert("x")</script> & <b>bold</b>',
  formula: '=HYPERLINK("http://example.com","click")',
  plus: '+44 1234 567890',
  minus: '-5% variance against budget',
  at: '@SUM(A1:A2)',
  symbols: 'Council’s £1.2m – “quoted” — ■ planned ↑ up → on',
} as const;

function hostileRow(index: number, over: Partial<ReportRow>): ReportRow {
  const ref = `9.9.${index}`;
  const base: ReportRow = {
    itemId: `hostile-${index}`, ref, title: `Hostile ${index}`, kind: 'action', depth: 2, theme: 'Hostile text',
    leads: ['Monitoring Officer'], leadMember: null, target: 'March 2026', revisedTarget: null, status: 'On target',
    rag: 'green', direction: null, percentComplete: null, narrative: null, correctiveAction: null, cells: {},
  };
  const row = { ...base, ...over };
  return {
    ...row,
    cells: {
      ref: row.ref ?? '', title: row.title, leads: row.leads.join('; '), target: row.target, status: row.status ?? '',
      rag: '', progress: row.narrative ?? '',
    },
  };
}

/** The model with a theme of rows whose titles, leads, statuses and narratives are hostile or unusual text. */
export function withHostileRows(model: ReportModel): ReportModel {
  const rows = [
    ...model.rows,
    hostileRow(1, { title: hostileText.markup, narrative: hostileText.formula }),
    hostileRow(2, { title: hostileText.plus, leads: [hostileText.at], narrative: hostileText.minus }),
    hostileRow(3, { title: hostileText.symbols, status: '-', rag: 'red', narrative: hostileText.symbols }),
  ];
  return { ...model, rows, summary: summariseRows(rows) };
}
