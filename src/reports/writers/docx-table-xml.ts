import { ragColours } from '../model/rag.ts';
import { docxStyleIds } from './docx-styles.ts';
import type { OutlineCell, OutlineRow, OutlineTable } from './outline-types.ts';

/** A4 landscape less 0.5 inch margins, in twips. */
export const docxContentWidth = 16838 - 2 * 720;
const indentStep = 200;
const headingFills = ['DEE0E2', 'EDEEEF', 'F5F5F6'];
const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML: entities escaped, characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (char) => xmlEntities[char] ?? '');
}

function runXml(text: string, props: string): string {
  const lines = text.split(/\r?\n/).map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`);
  return `<w:r>${props === '' ? '' : `<w:rPr>${props}</w:rPr>`}${lines.join('<w:br/>')}</w:r>`;
}

function paragraphXml(text: string, style: string, indent: number, right: boolean, runProps = ''): string {
  const ind = indent > 0 ? `<w:ind w:left="${indent}"/>` : '';
  const jc = right ? '<w:jc w:val="right"/>' : '';
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${ind}${jc}</w:pPr>${text === '' ? '' : runXml(text, runProps)}</w:p>`;
}

function cellXml(width: number, body: string, fill: string | null, span = 1): string {
  const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  const shading = fill === null ? '' : `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${gridSpan}${shading}</w:tcPr>${body}</w:tc>`;
}

function dataCellXml(table: OutlineTable, cell: OutlineCell, index: number, depth: number, width: number): string {
  if (cell.rag !== null) {
    const colours = ragColours[cell.rag];
    return cellXml(width, paragraphXml(cell.text, docxStyleIds.tableText, 0, false, `<w:b/><w:color w:val="${colours.text}"/>`), colours.fill);
  }
  const indent = index === table.indentColumn ? Math.min(depth, 4) * indentStep : 0;
  return cellXml(width, paragraphXml(cell.text, docxStyleIds.tableText, indent, table.columns[index]?.numeric === true), null);
}

function rowXml(table: OutlineTable, row: OutlineRow, widths: readonly number[], total: number): string {
  if (row.heading) {
    const fill = headingFills[Math.min(row.depth, 2)] ?? 'F5F5F6';
    const body = paragraphXml(row.cells[0]?.text ?? '', docxStyleIds.tableHeading, Math.min(row.depth, 4) * indentStep, false);
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(total, body, fill, widths.length)}</w:tr>`;
  }
  const cells = widths.map((width, index) =>
    dataCellXml(table, row.cells[index] ?? { text: '', rag: null }, index, row.depth, width));
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
}

const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>`;
const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
const cellMargins = '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
  + '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>';

/**
 * A table as WordprocessingML: fixed column widths, the header row marked to repeat on every page (w:tblHeader),
 * rows that are not split across pages (w:cantSplit), RAG cells shaded with their label in bold.
 */
export function docxTableXml(table: OutlineTable): string {
  const total = Math.round(docxContentWidth * table.widthShare);
  const weight = table.columns.reduce((sum, col) => sum + col.width, 0);
  const widths = table.columns.map((col) => Math.round((col.width / weight) * total));
  const header = table.columns.map((col, index) =>
    cellXml(widths[index] ?? 0, paragraphXml(col.label, docxStyleIds.tableHeading, 0, col.numeric), 'DEE0E2'));
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${borders}<w:tblLayout w:type="fixed"/>${cellMargins}`
    + '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    + `</w:tblPr><w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`
    + `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header.join('')}</w:tr>`
    + `${table.rows.map((row) => rowXml(table, row, widths, total)).join('')}</w:tbl>`;
}
