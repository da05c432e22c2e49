import { describe, expect, it } from 'vitest';
import type { GridTable, GridText } from '../grid-model.ts';
import { readText } from './text-reader.ts';

const sample = [
  'Improvement Plan November 2014',
  '',
  '### 1. SUMMARY',
  '## **WIDER IMPLICATIONS**',
  '- Approves the plan at **Appendix 1**',
  'Cabinet\t20 <sup>th</sup> February',
  '<b>LEGAL</b>\t<p>First &amp; foremost.</p> <p>Second</p>',
  '1.\tHold an Awayday to: <ul style="x"> <li>Establish a vision.</li> <li>• Decide how far.</li> </ul>\t<i>Area</i>',
  '------\t-----',
  '',
  'Working groups:- • Future staff survey • Appraisal review\t•',
  'After the table',
].join('\n');

describe('readText', () => {
  const grid = readText(sample, 'plan.txt');

  it('splits lines into text blocks and tables', () => {
    expect(grid).toMatchObject({ fileName: 'plan.txt', format: 'text' });
    expect(grid.blocks.map((b) => b.kind)).toEqual(['text', 'text', 'table', 'table', 'text']);
  });

  it('keeps headings, bullets and bold from markdown', () => {
    const text = grid.blocks[1] as GridText;
    expect(text.paragraphs).toEqual([
      { text: '1. SUMMARY', bold: false, italic: false, bullet: false, heading: 3 },
      { text: 'WIDER IMPLICATIONS', bold: true, italic: false, bullet: false, heading: 2 },
      { text: 'Approves the plan at Appendix 1', bold: false, italic: false, bullet: true, heading: null },
    ]);
    expect(text.source.label).toBe('line 3');
  });

  it('reads cells with superscripts, paragraphs, lists, entities and emphasis', () => {
    const table = grid.blocks[2] as GridTable;
    expect(table.rows).toHaveLength(3);
    const [first, second, third] = table.rows;
    expect(first?.cells.map((c) => c.text)).toEqual(['Cabinet', '20th February']);
    expect(first?.source).toEqual({ label: 'line 6', line: 6 });
    expect(second?.cells[0]?.paragraphs[0]).toMatchObject({ text: 'LEGAL', bold: true });
    expect(second?.cells[1]?.text).toBe('First & foremost.\nSecond');
    expect(third?.cells[1]?.paragraphs).toEqual([
      { text: 'Hold an Awayday to:', bold: false, italic: false, bullet: false, heading: null },
      { text: 'Establish a vision.', bold: false, italic: false, bullet: true, heading: null },
      { text: 'Decide how far.', bold: false, italic: false, bullet: true, heading: null },
    ]);
    expect(third?.cells[2]?.paragraphs[0]).toMatchObject({ text: 'Area', italic: true });
  });

  it('turns flattened Word bullets into bullet paragraphs but keeps a lone bullet as a value', () => {
    const table = grid.blocks[3] as GridTable;
    const cells = table.rows[0]?.cells ?? [];
    expect(cells[0]?.paragraphs.map((p) => [p.text, p.bullet])).toEqual([
      ['Working groups:-', false],
      ['Future staff survey', true],
      ['Appraisal review', true],
    ]);
    expect(cells[1]?.text).toBe('•');
  });

  it('reads an empty file as a grid with no blocks', () => {
    expect(readText('', 'empty.txt').blocks).toEqual([]);
    expect(readText('\uFEFF\r\n\r\n', 'bom.txt').blocks).toEqual([]);
  });
});
