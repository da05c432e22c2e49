import { HeadingLevel, Paragraph } from 'docx';
import type { Table } from 'docx';
import { docxBarChart } from './docx-chart.ts';
import type { RawDocxXml } from './docx-raw-xml.ts';
import { docxRuns, docxTable } from './docx-table.ts';
import type { OutlineBlock, OutlinePart } from './outline-types.ts';

function docxBlock(block: OutlineBlock, raw: RawDocxXml): (Paragraph | Table)[] {
  switch (block.type) {
    case 'subheading': return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: docxRuns(block.text) })];
    case 'paragraph': return [new Paragraph({ children: docxRuns(block.text) })];
    case 'list': return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: docxRuns(item) }));
    case 'chart': return docxBarChart(block.title, block.bars);
    case 'table': return docxTable(block.table, raw);
  }
}

/** A part of the report: a Heading 1 starting a new page, then its blocks. */
export function docxPart(part: OutlinePart, newPage: boolean, raw: RawDocxXml): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: newPage, children: docxRuns(part.heading) }),
    ...part.blocks.flatMap((block) => docxBlock(block, raw)),
  ];
}
