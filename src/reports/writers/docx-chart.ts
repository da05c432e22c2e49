import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { ragColours } from '../model/rag.ts';
import { docxRuns } from './docx-table.ts';
import { docxStyleIds } from './docx-styles.ts';
import type { OutlineBar } from './outline-types.ts';
import { formatCount } from './report-dates.ts';

const units = 40;
const unitWidth = 160;
const labelWidth = 2600;
const countWidth = 1000;
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

function textCell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ style: docxStyleIds.tableText, children: docxRuns(text, { bold }) })] });
}

function barRow(bar: OutlineBar, max: number): TableRow {
  const filled = bar.count === 0 ? 0 : Math.max(1, Math.round((bar.count / max) * units));
  const cells = [textCell(bar.label)];
  if (filled > 0) {
    cells.push(new TableCell({
      columnSpan: filled, shading: { type: ShadingType.CLEAR, color: 'auto', fill: ragColours[bar.rag].fill },
      borders: { top: { style: BorderStyle.SINGLE, size: 4, color: '0B0C0C' }, bottom: { style: BorderStyle.SINGLE, size: 4, color: '0B0C0C' },
        left: { style: BorderStyle.SINGLE, size: 4, color: '0B0C0C' }, right: { style: BorderStyle.SINGLE, size: 4, color: '0B0C0C' } },
      children: [new Paragraph({ style: docxStyleIds.tableText, children: [] })],
    }));
  }
  if (filled < units) cells.push(new TableCell({ columnSpan: units - filled, children: [new Paragraph({ style: docxStyleIds.tableText, children: [] })] }));
  cells.push(textCell(formatCount(bar.count), true));
  return new TableRow({ cantSplit: true, children: cells });
}

/**
 * A bar chart drawn as a borderless table of shaded cells (Word has no simple native chart to generate), each bar
 * labelled with its rating and count in text. The same numbers follow in a table.
 */
export function docxBarChart(title: string, bars: readonly OutlineBar[]): (Paragraph | Table)[] {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const widths = [labelWidth, ...Array.from({ length: units }, () => unitWidth), countWidth];
  return [
    new Paragraph({ style: docxStyleIds.caption, children: docxRuns(title) }),
    new Table({
      width: { size: widths.reduce((sum, w) => sum + w, 0), type: WidthType.DXA }, layout: TableLayoutType.FIXED,
      columnWidths: widths, borders: noBorders, margins: { top: 30, bottom: 30, left: 60, right: 60 },
      rows: bars.map((bar) => barRow(bar, max)),
    }),
  ];
}
