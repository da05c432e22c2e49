import { ragColours } from '../model/rag.ts';
import { escapeHtml, escapeMultiline } from './html-escape.ts';
import type { OutlineCell, OutlineRow, OutlineTable } from './outline-types.ts';

function indentClass(depth: number): string {
  const level = Math.min(depth, 4);
  return level > 0 ? ` waymark-indent-${level}` : '';
}

function cellHtml(table: OutlineTable, cell: OutlineCell, index: number, depth: number): string {
  const numeric = table.columns[index]?.numeric === true ? ' govuk-table__cell--numeric' : '';
  const indent = table.indentColumn === index ? indentClass(depth) : '';
  const content = cell.rag === null
    ? escapeMultiline(cell.text)
    : `<strong class="govuk-tag ${ragColours[cell.rag].tagClass}">${escapeHtml(cell.text)}</strong>`;
  return `<td class="govuk-table__cell${numeric}${indent}">${content}</td>`;
}

function rowHtml(table: OutlineTable, row: OutlineRow): string {
  if (row.heading) {
    const text = escapeHtml(row.cells[0]?.text ?? '');
    return `<tr class="govuk-table__row waymark-subheading-row"><td class="govuk-table__cell${indentClass(row.depth)}"`
      + ` colspan="${table.columns.length}">${text}</td></tr>`;
  }
  return `<tr class="govuk-table__row">${row.cells.map((cell, i) => cellHtml(table, cell, i, row.depth)).join('')}</tr>`;
}

function tableHtml(table: OutlineTable, rows: readonly OutlineRow[], caption: string, hideCaption: boolean): string {
  const captionClass = hideCaption ? 'govuk-visually-hidden' : 'govuk-table__caption govuk-table__caption--s';
  const head = table.columns.map((col) =>
    `<th scope="col" class="govuk-table__header${col.numeric ? ' govuk-table__header--numeric' : ''}">${escapeHtml(col.label)}</th>`);
  return `<table class="govuk-table waymark-table"><caption class="${captionClass}">${escapeHtml(caption)}</caption>`
    + `<thead class="govuk-table__head"><tr class="govuk-table__row">${head.join('')}</tr></thead>`
    + `<tbody class="govuk-table__body">${rows.map((row) => rowHtml(table, row)).join('')}</tbody></table>`;
}

/**
 * A table with a caption and column headers. Top-level section rows become headings (at `headingLevel`), each
 * followed by its own table, so readers can move between sections by heading; deeper section rows stay in the
 * table as shaded sub-heading rows.
 */
export function renderTableHtml(table: OutlineTable, headingLevel: number): string {
  if (table.rows.length === 0) return `<p class="govuk-body">${escapeHtml(table.emptyText)}</p>`;
  const groups: { heading: string | null; rows: OutlineRow[] }[] = [];
  for (const row of table.rows) {
    if (row.heading && row.depth === 0) groups.push({ heading: row.cells[0]?.text ?? '', rows: [] });
    else if (groups.length === 0) groups.push({ heading: null, rows: [row] });
    else groups.at(-1)?.rows.push(row);
  }
  const tag = `h${headingLevel}`;
  return groups.map((group) => {
    if (group.heading === null) return tableHtml(table, group.rows, table.caption, false);
    const heading = `<${tag} class="govuk-heading-m">${escapeHtml(group.heading)}</${tag}>`;
    if (group.rows.length === 0) return heading;
    return heading + tableHtml(table, group.rows, `${group.heading}: ${table.caption}`, true);
  }).join('\n');
}
