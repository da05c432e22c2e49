import { comparePackRows } from './compare-packs.ts';
import type { ReportModel, ReportRow } from './report-model.ts';
import { sampleRows, seededRandom } from './sample-rows.ts';
import { summariseRows } from './summarise-rows.ts';

/** The pack issued last quarter: the same plan with a few ratings, dates and narratives as they were then. */
function previousPack(rows: readonly ReportRow[]): ReportRow[] {
  const actions = rows.filter((row) => row.kind === 'action');
  const dropped = new Set(actions.filter((_, i) => i % 97 === 5).map((row) => row.itemId));
  return rows
    .filter((row) => !dropped.has(row.itemId))
    .map((row, i) => {
      if (row.kind !== 'action' || i % 13 !== 0) return row;
      if (row.rag === 'blue') return { ...row, rag: 'green', status: 'On target' };
      return { ...row, rag: 'green', revisedTarget: null, narrative: 'Not yet started.' };
    });
}

/**
 * A realistic report for tests and benchmarks: themes › areas › `actions` actions with mixed statuses and ratings,
 * revised dates with reasons, corrective actions, changes since the last pack, measures and risks (wider implications:
 * `withImplications` in sample-implications.ts).
 */
export function buildSampleReport(actions: number): ReportModel {
  const random = seededRandom(20251001);
  const rows = sampleRows(actions, random);
  const actionRows = rows.filter((row) => row.kind === 'action');
  const late = actionRows.filter((row) => row.rag === 'red' || row.rag === 'amber');
  return {
    organisationName: 'Borsetshire District Council',
    planTitle: 'Corporate Improvement Plan 2025–27',
    title: 'Improvement Plan: progress report',
    audience: 'Cabinet',
    asAt: '2025-09-30',
    periodLabel: 'Quarter 2 2025/26',
    generatedAt: '2025-10-14T09:30:00Z',
    itemNoun: { singular: 'action', plural: 'actions' },
    coverDetails: [
      { label: 'Report to', value: 'Cabinet' }, { label: 'Date of meeting', value: '21 October 2025' },
      { label: 'Portfolio', value: 'Leader' }, { label: 'Author', value: 'Joanne Platt, Policy Officer' },
    ],
    logo: null,
    introduction: [
      'This report sets out progress on the council’s Improvement Plan to 30 September 2025.',
      'The plan is monitored monthly by the Programme Board and reported to Cabinet, Scrutiny Committee and '
      + 'Governance Committee every quarter.',
    ],
    recommendations: ['Notes the progress made on the Improvement Plan.', 'Agrees the revised completion dates listed.'],
    sections: { cover: true, summary: true, exceptions: true, changes: true, fullTable: true, implications: true, measures: true, risks: true },
    summary: summariseRows(rows),
    exceptions: {
      redAmber: late,
      overdue: late.filter((row) => row.rag === 'red'),
      revisedDates: late.filter((row) => row.revisedTarget !== null).map((row) => ({
        ref: row.ref, title: row.title, from: row.target, to: row.revisedTarget ?? '',
        reason: 'Dependent on the senior management restructure agreed in July.',
        agreedBy: 'Programme Board', agreedOn: '2025-09-12',
      })),
      correctiveActions: late.map((row) => ({ ref: row.ref, title: row.title, text: row.correctiveAction ?? '' })),
    },
    changes: { sinceTitle: 'Cabinet, 17 June 2025', sinceDate: '2025-06-30', entries: comparePackRows(previousPack(rows), rows) },
    columns: [
      { key: 'ref', label: 'Ref', width: 0.7, kind: 'text' },
      { key: 'title', label: 'Action', width: 2.6, kind: 'text' },
      { key: 'leads', label: 'Lead officer', width: 1.6, kind: 'text' },
      { key: 'target', label: 'Target date', width: 1.2, kind: 'text' },
      { key: 'status', label: 'Status', width: 1, kind: 'text' },
      { key: 'rag', label: 'RAG', width: 0.9, kind: 'rag' },
      { key: 'progress', label: 'Progress', width: 4, kind: 'text' },
    ],
    rows,
    implications: [],
    measures: [
      { name: 'Complaints answered within 10 working days', unit: '%', baseline: '71', target: '90', latest: '84', rag: 'amber', trend: 'improving' },
      { name: 'Council tax collected', unit: '%', baseline: '96.1', target: '97.5', latest: '97.8', rag: 'green', trend: 'improving' },
      { name: 'Staff turnover', unit: '%', baseline: '14', target: '10', latest: '15.2', rag: 'red', trend: 'worse' },
      { name: 'Member training sessions held', unit: null, baseline: '2', target: '8', latest: '6', rag: 'green', trend: 'same' },
    ],
    risks: [
      { ref: 'R1', title: 'Capacity to deliver the plan alongside business as usual', owner: 'Chief Executive', inherent: '16 (4×4)', residual: '9 (3×3)', target: '6', rag: 'amber' },
      { ref: 'R2', title: 'Budget gap in 2026/27 exceeds £1.2m', owner: 'Head of Finance (S151 Officer)', inherent: '20 (5×4)', residual: '15 (5×3)', target: '8', rag: 'red' },
      { ref: 'R3', title: 'Loss of key staff during the restructure', owner: 'Acting Head of HR, Payroll, FM and Estates', inherent: '12 (3×4)', residual: '4 (2×2)', target: '4', rag: 'green' },
    ],
  };
}
