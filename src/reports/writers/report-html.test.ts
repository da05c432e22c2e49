import { describe, expect, it } from 'vitest';
import { withImplications } from '../model/sample-implications.ts';
import { buildSampleReport } from '../model/sample-report.ts';
import { hostileText, withHostileRows } from '../model/sample-hostile.ts';
import { ragLabel } from '../model/rag.ts';
import { escapeHtml } from './html-escape.ts';
import { formatCount } from './report-dates.ts';
import { renderReportHtml } from './report-html.ts';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

function rows(html: string): string[][] {
  return [...html.matchAll(/<tr class="govuk-table__row[^"]*">(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((cell) => plain(cell[1] ?? '')));
}

function between(html: string, from: string, to: string): string {
  const start = html.indexOf(from);
  return html.slice(start, html.indexOf(to, start));
}

describe('renderReportHtml', () => {
  const model = withHostileRows(buildSampleReport(40));
  const html = renderReportHtml(model, { standalone: true });

  it('is a whole English (UK) document with a print stylesheet for A4 landscape', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Improvement Plan: progress report – Corporate Improvement Plan 2025–27 – Cabinet, as at 30 September 2025</title>');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('.waymark-table thead { display: table-header-group; }');
    expect(html).toContain('<main class="govuk-width-container" id="main-content">');
  });

  it('gives only the report when not standalone', () => {
    const fragment = renderReportHtml(model, { standalone: false });
    expect(fragment.startsWith('<div class="waymark-report">')).toBe(true);
    expect(fragment).not.toContain('<html');
  });

  it('escapes every piece of text', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain(escapeHtml(hostileText.markup));
  });

  it('has one h1, headings in order, a caption on every table and scoped header cells', () => {
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((match) => Number(match[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    const tables = html.match(/<table[^>]*>/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    expect(html.match(/<table[^>]*><caption/g)).toHaveLength(tables.length);
    const headerCells = html.match(/<th\s[^>]*>/g) ?? [];
    expect(headerCells.length).toBeGreaterThan(0);
    for (const cell of headerCells) expect(cell).toContain('scope="col"');
  });

  it('draws an accessible bar chart of RAG counts with the numbers also in a table', () => {
    const chart = between(html, '<svg', '</svg>');
    expect(chart).toContain('role="img"');
    expect(chart).toContain('aria-labelledby="waymark-summary-chart-title waymark-summary-chart-desc"');
    expect(chart).toContain('<title id="waymark-summary-chart-title">Actions by RAG rating</title>');
    const summary = rows(between(html, 'id="waymark-summary"', '</section>'));
    for (const entry of model.summary.byRag) {
      expect(chart).toContain(`${ragLabel(entry.rag)}: ${formatCount(entry.count)}`);
      expect(summary).toContainEqual([ragLabel(entry.rag), formatCount(entry.count), expect.any(String)]);
    }
    for (const entry of model.summary.byStatus) expect(summary).toContainEqual([entry.status, formatCount(entry.count), expect.any(String)]);
  });

  it('lists red and amber actions and revised dates with their reasons', () => {
    const exceptions = rows(between(html, 'id="waymark-exceptions"', '</section>'));
    for (const row of model.exceptions.redAmber) expect(exceptions.some((cells) => cells[0] === row.ref && cells[5] === ragLabel(row.rag))).toBe(true);
    for (const revision of model.exceptions.revisedDates) {
      expect(exceptions).toContainEqual([revision.ref, revision.title, revision.from, revision.to, revision.reason, revision.agreedBy, '12 September 2025']);
    }
  });

  it('has every action’s ref, lead and status in the full table, and RAG as a labelled tag', () => {
    const full = between(html, 'id="waymark-fullTable"', '</section>');
    const fullRows = rows(full);
    for (const item of model.rows.filter((row) => row.kind === 'action')) {
      const row = fullRows.find((cells) => cells[0] === item.ref);
      expect(row?.[2], item.ref ?? '').toBe(item.leads.join('; '));
      expect(row?.[4]).toBe(item.status);
      expect(row?.[5]).toBe(ragLabel(item.rag));
    }
    expect(full).toContain('<strong class="govuk-tag govuk-tag--red">Red</strong>');
    expect(full).toContain('<h3 class="govuk-heading-m">1 Community Leadership</h3>');
    expect(full).toMatch(/<td class="govuk-table__cell waymark-indent-2">Train staff|<td class="govuk-table__cell waymark-indent-2">[A-Z]/);
  });

  it('leaves out sections not chosen and shows only the title without a cover', () => {
    const sections = { ...model.sections, cover: false, fullTable: false, changes: false };
    const short = renderReportHtml({ ...model, sections }, { standalone: false });
    expect(short).not.toContain('govuk-summary-list');
    expect(short).toContain('<h1 class="govuk-heading-xl">Improvement Plan: progress report</h1>');
    expect(short).not.toContain('waymark-fullTable');
    expect(short).not.toContain('Changes since');
    expect(short).toContain('id="waymark-exceptions"');
  });

  it('gives the wider implications a part with a heading each, their lines as paragraphs, and leaves it out when unticked', () => {
    const withThem = withImplications(model);
    const part = between(renderReportHtml(withThem, { standalone: false }), 'id="waymark-implications"', '</section>');
    expect(part).toContain('<h2 class="govuk-heading-l" id="waymark-implications-heading">Wider implications</h2>');
    expect(part).toContain('<h3 class="govuk-heading-m">Impact on equality</h3>');
    expect(part).toContain('<p class="govuk-body">An equality impact assessment will be completed for the restructure.</p>');
    expect(part).toContain('<p class="govuk-body">Amount: £200,000</p>');
    expect(part).toContain(escapeHtml(hostileText.formula));
    const unticked = renderReportHtml({ ...withThem, sections: { ...withThem.sections, implications: false } }, { standalone: false });
    expect(unticked).not.toContain('waymark-implications');
    expect(unticked).not.toContain('Impact on equality');
  });
});
