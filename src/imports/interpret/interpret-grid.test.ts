import { describe, expect, it } from 'vitest';
import type { Grid, GridRow } from '../grid-model.ts';
import { importedPlanSchema } from '../imported-plan.ts';
import { interpretGrid } from './interpret-grid.ts';

/** Grids as a spreadsheet or Word reader would give them: the interpreter must not depend on the text reader. */
function row(line: number, ...texts: string[]): GridRow {
  return {
    cells: texts.map((text) => ({
      text,
      paragraphs: text === '' ? [] : [{ text, bold: false, italic: false, bullet: false, heading: null }],
      colSpan: 1,
      rowSpan: 1,
      covered: false,
    })),
    source: { label: `sheet Plan, row ${line}`, sheet: 'Plan', row: line },
  };
}

const grid = (rows: GridRow[]): Grid => ({
  fileName: 'plan.xlsx',
  format: 'xlsx',
  blocks: [
    { kind: 'text', paragraphs: [{ text: 'Corporate Improvement Plan 2024/25', bold: true, italic: false, bullet: false, heading: 1 }], source: { label: 'sheet Plan, row 1' } },
    { kind: 'table', rows, source: { label: 'sheet Plan, row 2' } },
  ],
});

describe('interpretGrid on a spreadsheet of another shape', () => {
  const plan = interpretGrid(
    grid([
      row(2, 'Ref', 'Theme', 'Action', 'Lead Member', 'Owner', 'Start date', 'Target date', 'RAG Status', 'Progress at 31 March 2025', 'Budget'),
      row(3, '1.1', 'Housing', 'Build 100 homes', 'Cllr Jones', 'Head of Housing', 'Apr 2024', 'Q4 2024/25', 'Amber', 'Behind schedule. Depends on action 1.2', '£2m'),
      row(4, '1.2', '', 'Secure funding', 'Cllr Jones', 'Finance Director; Head of Housing', '', '31/12/24', 'Green', 'Completed.', ''),
      row(5, '2.1', 'Climate', 'Net zero plan', '', 'Climate Officer', '', '2025/26', '', '', ''),
    ]),
  );

  it('reads its columns by their headers and blank cells as "same as above"', () => {
    expect(importedPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.plan.title).toBe('Corporate Improvement Plan 2024/25');
    expect(plan.items.map((i) => [i.kind, i.ref, i.title, i.parentIndex])).toEqual([
      ['section', null, 'Housing', null],
      ['action', '1.1', 'Build 100 homes', 0],
      ['action', '1.2', 'Secure funding', 0],
      ['section', null, 'Climate', null],
      ['action', '2.1', 'Net zero plan', 3],
    ]);
  });

  it('reads lead member, owners, a start and end date, status, dated progress, fields and links', () => {
    expect(plan.items[1]).toMatchObject({
      leadMember: 'Cllr Jones',
      leads: ['Head of Housing'],
      target: { text: 'Apr 2024 – Q4 2024/25', start: '2024-04-01', end: '2025-03-31' },
      updates: [{ asOf: '2025-03-31', status: 'Amber', text: 'Behind schedule. Depends on action 1.2' }],
      fields: { Budget: '£2m' },
      relations: [{ type: 'depends_on', toRef: '1.2' }],
    });
    expect(plan.items[2]?.leads).toEqual(['Finance Director', 'Head of Housing']);
    expect(plan.items[4]).toMatchObject({ target: { start: '2025-04-01', end: '2026-03-31' }, updates: [], leadMember: null });
    expect(plan.warnings).toEqual([]);
  });

  it('keeps a table that is not a plan as narrative and invents nothing', () => {
    const notes = interpretGrid(grid([row(2, 'Key', 'Meaning'), row(3, 'Green', 'On track'), row(4, 'Red', 'Off track')]));
    expect(notes.items).toEqual([]);
    expect(notes.plan.narrative).toEqual(['Key | Meaning', 'Green | On track', 'Red | Off track']);
  });

  it('reads an empty grid as an empty plan named after the file', () => {
    expect(interpretGrid({ fileName: 'blank.csv', format: 'csv', blocks: [] })).toEqual({
      plan: { title: 'blank', narrative: [] },
      items: [],
      warnings: [],
    });
  });
});
