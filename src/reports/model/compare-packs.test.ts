import { describe, expect, it } from 'vitest';
import { comparePackRows } from './compare-packs.ts';
import type { ReportRow } from './report-model.ts';

function row(itemId: string, ref: string | null, over: Partial<ReportRow> = {}): ReportRow {
  return {
    itemId, ref, title: `Action ${ref ?? itemId}`, kind: 'action', depth: 2, theme: 'Scrutiny', leads: ['Head of Legal'],
    leadMember: null, target: 'March 2026', revisedTarget: null, status: 'On target', rag: 'green', direction: null,
    percentComplete: null, narrative: 'Work in progress.', correctiveAction: null, cells: {}, ...over,
  };
}

describe('comparePackRows', () => {
  it('reports nothing when the packs hold the same rows', () => {
    const rows = [row('a', '1'), row('b', '2')];
    expect(comparePackRows(rows, rows.map((r) => ({ ...r })))).toEqual([]);
  });

  it('finds new items and items that left the pack', () => {
    const changes = comparePackRows([row('a', '1'), row('b', '2')], [row('a', '1'), row('c', '3')]);
    expect(changes).toEqual([
      { ref: '3', title: 'Action 3', kind: 'new', from: null, to: 'On target' },
      { ref: '2', title: 'Action 2', kind: 'closed', from: 'On target', to: null },
    ]);
  });

  it('reports RAG, date, status and narrative changes with before and after', () => {
    const before = row('a', '1', { rag: 'green', status: 'On target', narrative: 'Started.' });
    const after = row('a', '1', {
      rag: 'amber', status: 'Delayed', revisedTarget: 'June 2026', narrative: 'Waiting on the  restructure.',
    });
    expect(comparePackRows([before], [after]).map((c) => [c.kind, c.from, c.to])).toEqual([
      ['rag', 'Green', 'Amber'],
      ['date', 'March 2026', 'June 2026'],
      ['status', 'On target', 'Delayed'],
      ['text', 'Started.', 'Waiting on the  restructure.'],
    ]);
  });

  it('treats a status that became complete as closed, not as a status or RAG change', () => {
    const before = row('a', '1', { rag: 'amber', status: 'On target' });
    const after = row('a', '1', { rag: 'blue', status: 'Achieved' });
    expect(comparePackRows([before], [after])).toEqual([
      { ref: '1', title: 'Action 1', kind: 'closed', from: 'On target', to: 'Achieved' },
    ]);
  });

  it('ignores whitespace-only narrative edits', () => {
    const before = row('a', '1', { narrative: 'Work  in progress. ' });
    expect(comparePackRows([before], [row('a', '1')])).toEqual([]);
  });

  it('falls back to the printed ref when item ids differ (a re-imported plan)', () => {
    const changes = comparePackRows([row('old-1', '4.1.3', { rag: 'red' })], [row('new-9', '4.1.3', { rag: 'green' })]);
    expect(changes).toEqual([{ ref: '4.1.3', title: 'Action 4.1.3', kind: 'rag', from: 'Red', to: 'Green' }]);
  });

  it('does not match one earlier row to two current rows sharing a ref', () => {
    const changes = comparePackRows([row('x', '7')], [row('p', '7'), row('q', '7')]);
    expect(changes.map((c) => c.kind)).toEqual(['new']);
  });
});
