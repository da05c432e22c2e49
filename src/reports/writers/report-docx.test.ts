import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { withImplications } from '../model/sample-implications.ts';
import { buildSampleReport } from '../model/sample-report.ts';
import { hostileText, withHostileRows } from '../model/sample-hostile.ts';
import { ragLabel } from '../model/rag.ts';
import { formatCount } from './report-dates.ts';
import { writeReportDocx } from './report-docx.ts';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

/** The rows of every table in mammoth's HTML within a part (from its h1 to the next), as cell texts. */
function partRows(html: string, heading: string): string[][] {
  const start = html.indexOf(`<h1>${heading}</h1>`);
  const end = html.indexOf('<h1>', start + 1);
  const part = html.slice(start, end === -1 ? undefined : end);
  return [...part.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((cell) => plain(cell[1] ?? '')));
}

describe('writeReportDocx', () => {
  const model = withHostileRows(buildSampleReport(40));
  let html = '';
  let documentXml = '';
  let stylesXml = '';
  let footers = '';

  beforeAll(async () => {
    const buffer = await writeReportDocx(model);
    html = (await mammoth.convertToHtml({ buffer })).value;
    const zip = await JSZip.loadAsync(buffer);
    const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
    documentXml = await read('word/document.xml');
    stylesXml = await read('word/styles.xml');
    footers = (await Promise.all(Object.keys(zip.files).filter((p) => /footer\d+\.xml$/.test(p)).map(read))).join('');
  });

  it('is A4 landscape with page numbers in the footer', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(footers).toContain('PAGE');
    expect(footers).toContain('NUMPAGES');
  });

  it('defines restylable named styles, including "Table Text"', () => {
    expect(stylesXml).toMatch(/w:styleId="TableText"[\s\S]*?<w:name w:val="Table Text"\/>/);
    expect(stylesXml).toContain('w:styleId="Heading1"');
    expect(documentXml).toContain('<w:pStyle w:val="TableText"/>');
  });

  it('repeats the header row of every table on each page and keeps rows whole', () => {
    const tables = (documentXml.match(/<w:tbl>/g) ?? []).length;
    const headerRows = (documentXml.match(/<w:tblHeader\/>/g) ?? []).length;
    expect(headerRows).toBe(tables - 1); // the bar chart is the one table without a header row
    expect(documentXml).toContain('<w:cantSplit/>');
  });

  it('shows the summary counts by RAG and status', () => {
    const rows = partRows(html, 'Summary');
    for (const entry of model.summary.byRag) expect(rows).toContainEqual([ragLabel(entry.rag), formatCount(entry.count), expect.any(String)]);
    for (const entry of model.summary.byStatus) expect(rows).toContainEqual([entry.status, formatCount(entry.count), expect.any(String)]);
  });

  it('lists red and amber actions and the revised dates with their reasons', () => {
    const rows = partRows(html, 'Exceptions');
    for (const row of model.exceptions.redAmber) expect(rows.some((cells) => cells[0] === row.ref && cells[5] === ragLabel(row.rag))).toBe(true);
    expect(model.exceptions.revisedDates.length).toBeGreaterThan(0);
    for (const revision of model.exceptions.revisedDates) {
      expect(rows).toContainEqual([revision.ref, revision.title, revision.from, revision.to, revision.reason, revision.agreedBy, expect.any(String)]);
    }
  });

  it('has every action’s ref, lead and status in the full table, RAG cells shaded with their label', () => {
    const rows = partRows(html, 'Progress in full');
    for (const item of model.rows.filter((row) => row.kind === 'action')) {
      const row = rows.find((cells) => cells[0] === item.ref);
      expect(row?.[2], item.ref ?? '').toBe(item.leads.join('; '));
      expect(row?.[4]).toBe(item.status);
      expect(row?.[5]).toBe(ragLabel(item.rag));
    }
    expect(documentXml).toMatch(/<w:shd w:val="clear" w:color="auto" w:fill="D4351C"\/><\/w:tcPr><w:p>.*?<w:t xml:space="preserve">Red<\/w:t>/);
  });

  it('keeps hostile text as text', () => {
    const rows = partRows(html, 'Progress in full');
    expect(rows.find((cells) => cells[0] === '9.9.1')?.slice(1, 2)).toEqual([hostileText.markup]);
    expect(rows.find((cells) => cells[0] === '9.9.3')?.[1]).toBe(hostileText.symbols);
  });
});

describe('writeReportDocx: wider implications', () => {
  it('writes each heading as Heading 2 with its text, after the full table, and leaves the part out when unticked', async () => {
    const model = withImplications(buildSampleReport(6));
    const html = (await mammoth.convertToHtml({ buffer: await writeReportDocx(model) })).value;
    const part = html.slice(html.indexOf('<h1>Wider implications</h1>'), html.indexOf('<h1>Appendix A: measures</h1>'));
    expect(html.indexOf('<h1>Progress in full</h1>')).toBeLessThan(html.indexOf('<h1>Wider implications</h1>'));
    expect(part).toContain('<h2>Financial</h2><p>A £200,000 estimated contingency budget has been included for 2017/18 onwards.</p><p>Amount: £200,000</p>');
    expect(part).toContain('<h2>Other: Health and safety</h2>');
    expect(plain(part)).toContain(hostileText.formula);
    const unticked = await writeReportDocx({ ...model, sections: { ...model.sections, implications: false } });
    expect((await mammoth.convertToHtml({ buffer: unticked })).value).not.toContain('Wider implications');
  });
});
