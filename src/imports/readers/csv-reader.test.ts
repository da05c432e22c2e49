import { describe, expect, it } from 'vitest';
import type { GridTable, GridText } from '../grid-model.ts';
import { readCsv } from './csv-reader.ts';
import { utf16le, utf8, windows1252 } from './fixtures/text-fixtures.ts';

function texts(table: GridTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}

describe('readCsv', () => {
  it('reads a semicolon CSV with a quoted field holding the delimiter and a line break', () => {
    const csv = 'Ref;Action;Lead\n1;"Hold an awayday; then report\n• to Cabinet";CMT\n2;Brief staff;Leader\n';
    const grid = readCsv(utf8(csv), 'plan.csv');
    expect(grid.format).toBe('csv');
    const table = grid.blocks[0] as GridTable;
    expect(texts(table)).toEqual([
      ['Ref', 'Action', 'Lead'],
      ['1', 'Hold an awayday; then report\nto Cabinet', 'CMT'],
      ['2', 'Brief staff', 'Leader'],
    ]);
    expect(table.rows[1]?.cells[1]?.paragraphs.map((p) => p.bullet)).toEqual([false, true]);
    expect(table.rows[2]?.source).toEqual({ label: 'row 3', row: 3 });
  });

  it('decodes Windows-1252 so that ’ – — £ come out right', () => {
    const grid = readCsv(windows1252('Ref,Action,Budget\n1,Don’t slip – review — again,"£5,000"\n'), 'plan.csv');
    expect(texts(grid.blocks[0] as GridTable)[1]).toEqual(['1', 'Don’t slip – review — again', '£5,000']);
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 with one', () => {
    const fromUtf8 = readCsv(utf8('Ref,Action\n1,Café ’quoted’\n', true), 'plan.csv');
    const fromUtf16 = readCsv(utf16le('Ref\tAction\r\n1\tCafé ’quoted’\r\n'), 'plan.csv');
    for (const grid of [fromUtf8, fromUtf16]) {
      expect(texts(grid.blocks[0] as GridTable)).toEqual([['Ref', 'Action'], ['1', 'Café ’quoted’']]);
    }
  });

  it('keeps a title above a blank row as text, and the table below it with its real row numbers', () => {
    const grid = readCsv(utf8('Improvement Plan 2024,,\n,,\nRef,Action,Lead\n1,Hold,CMT\n'), 'plan.csv');
    expect(grid.blocks.map((block) => block.kind)).toEqual(['text', 'table']);
    expect((grid.blocks[0] as GridText).paragraphs[0]?.text).toBe('Improvement Plan 2024');
    expect((grid.blocks[1] as GridTable).rows[0]?.source.label).toBe('row 3');
  });
});
