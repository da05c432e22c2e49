import { describe, expect, it } from 'vitest';
import type { GridTable, GridText } from '../grid-model.ts';
import { layoutPage, type PdfWord } from './pdf-layout.ts';

function word(text: string, x: number, y: number, size = 10): PdfWord {
  return { text, x, y, width: text.length * size * 0.5, size, bold: false, italic: false };
}

describe('layoutPage', () => {
  it('joins words of one line into chunks and splits at wide gaps into columns', () => {
    const words = [
      word('Ref', 50, 700), word('Action', 120, 700), word('Lead', 400, 700),
      word('1', 50, 685), word('Do', 120, 685), word('the', 133, 685), word('thing', 150, 685), word('PS', 400, 685),
      word('2', 50, 670), word('Centred', 230, 670), word('PM', 402, 670),
    ];
    const [table] = layoutPage(words, 4) as [GridTable];
    expect(table.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['Ref', 'Action', 'Lead'],
      ['1', 'Do the thing', 'PS'],
      ['2', 'Centred', 'PM'],
    ]);
    expect(table.source).toEqual({ label: 'page 4', page: 4 });
  });

  it('keeps prose as paragraphs, joining wrapped lines and splitting at a wider gap or a bullet', () => {
    const words = [
      word('The council will', 50, 700), word('improve.', 50, 688),
      word('Next paragraph.', 50, 650),
      word('• First point', 50, 635), word('• Second point', 50, 623),
    ];
    const [text] = layoutPage(words, 1) as [GridText];
    expect(text.paragraphs.map((p) => [p.text, p.bullet])).toEqual([
      ['The council will improve.', false],
      ['Next paragraph.', false],
      ['First point', true],
      ['Second point', true],
    ]);
  });
});
