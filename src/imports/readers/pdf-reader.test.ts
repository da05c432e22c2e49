import { describe, expect, it } from 'vitest';
import type { GridTable, GridText } from '../grid-model.ts';
import { pdfBytes, threeColumnPlan } from './fixtures/pdf-fixtures.ts';
import { readPdf } from './pdf-reader.ts';

function texts(table: GridTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}

describe('readPdf', () => {
  it('rebuilds a three-column table from word positions, page by page, with the text around it', async () => {
    const grid = await readPdf(await threeColumnPlan(), 'plan.pdf');
    expect(grid.format).toBe('pdf');
    expect(grid.blocks.map((block) => [block.kind, block.source.label])).toEqual([
      ['text', 'page 1'],
      ['table', 'page 1'],
      ['table', 'page 2'],
    ]);
    const [intro, firstPage, secondPage] = grid.blocks as [GridText, GridTable, GridTable];
    expect(intro.paragraphs.map((p) => [p.text, p.heading, p.bold])).toEqual([
      ['Improvement Plan 2024', 1, true],
      ['This plan sets out how the council will respond to the peer challenge.', null, false],
    ]);
    expect(texts(firstPage)).toEqual([
      ['Ref', 'Action', 'Lead'],
      ['1.1', 'Hold an awayday', 'Chief Executive'],
      ['1.2', 'Brief all ward members and staff on the shape of', 'Leader'],
      ['', 'local government in the future', ''],
      ['1.3', 'Publish the register', 'Monitoring Officer'],
    ]);
    expect(firstPage.rows[0]?.cells.every((cell) => cell.paragraphs[0]?.bold)).toBe(true);
    expect(firstPage.rows[1]?.source).toEqual({ label: 'page 1', page: 1 });
    expect(texts(secondPage)).toEqual([
      ['Ref', 'Action', 'Lead'],
      ['2.1', 'Review the constitution', 'Monitoring Officer'],
    ]);
  });

  it('refuses a PDF without a text layer (a scan), saying so', async () => {
    const scan = await pdfBytes((document) => document.rect(50, 50, 400, 300).fill('#777'));
    const reading = readPdf(scan, 'scan.pdf');
    await expect(reading).rejects.toMatchObject({ code: 'no_table' });
    await expect(reading).rejects.toThrow(/^"scan\.pdf" has no text layer/);
  });

  it('refuses a password-protected PDF', async () => {
    const locked = await pdfBytes((document) => document.text('Secret plan'), { userPassword: 'secret', pdfVersion: '1.7' });
    const reading = readPdf(locked, 'locked.pdf');
    await expect(reading).rejects.toMatchObject({ code: 'encrypted' });
    await expect(reading).rejects.toThrow('"locked.pdf" is protected with a password');
  });
});
