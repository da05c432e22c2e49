import { describe, expect, it } from 'vitest';
import type { GridTable, GridText } from '../grid-model.ts';
import { readDocx } from './docx-reader.ts';
import { planDocument } from './fixtures/docx-fixtures.ts';
import { zipBytes } from './fixtures/zip-fixtures.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function rawDocument(body: string, styles = ''): Promise<Uint8Array> {
  return zipBytes({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    'word/styles.xml': `<w:styles ${W}>${styles}</w:styles>`,
  });
}

describe('readDocx', () => {
  it('reads headings, emphasis, bullets, Word-numbered paragraphs and a table with merged and nested cells', async () => {
    const grid = await readDocx(await planDocument(), 'plan.docx');
    expect(grid.format).toBe('docx');
    expect(grid.blocks.map((block) => block.kind)).toEqual(['text', 'table', 'text']);
    const [intro, table, closing] = grid.blocks as [GridText, GridTable, GridText];
    expect(intro.source.label).toBe('paragraph 1');
    expect(intro.paragraphs.map((p) => [p.text, p.heading, p.bold, p.italic, p.bullet])).toEqual([
      ['Improvement Plan 2024', 1, false, false, false],
      ['This plan responds to the Peer Challenge', null, false, false, false],
      ['Agreed by Cabinet', null, true, true, false],
      ['Sustain political leadership', null, false, false, true],
      ['Engage parish councils', null, false, false, true],
      ['1. Train members', null, false, false, false],
      ['1.a) Induction for new members', null, false, false, false],
      ['2. Review the constitution', null, false, false, false],
    ]);

    const [header, first, second, third] = table.rows;
    expect(header?.cells.map((cell) => [cell.text, cell.paragraphs[0]?.bold])).toEqual([
      ['Theme', true], ['Ref', true], ['Action', true], ['Lead', true],
    ]);
    expect(first?.cells[0]).toMatchObject({ text: 'Community Leadership', rowSpan: 2, covered: false });
    expect(second?.cells[0]).toMatchObject({ covered: true, text: '' });
    expect(second?.cells.slice(1).map((cell) => cell.text)).toEqual(['2', 'Brief staff\nMilestone A\nJune 2024', 'Leader']);
    expect(second?.source).toEqual({ label: 'table 1, row 3', row: 3 });
    expect(third?.cells.map((cell) => [cell.text, cell.colSpan])).toEqual([
      ['Governance', 2], ['Publish the register', 1], ['Monitoring Officer', 1],
    ]);
    expect(closing.source.label).toBe('paragraph 9');
    expect(closing.paragraphs[0]?.text).toBe('Progress will be reported quarterly.');
  });

  it('keeps inserted text, drops deleted text and field codes, opens content controls and reads styles', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Section"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>';
    const body =
      '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Action Plan</w:t></w:r></w:p>' +
      '<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>Governance</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
      '<w:p><w:r><w:t xml:space="preserve">Owned by </w:t></w:r><w:del><w:r><w:delText>nobody</w:delText></w:r></w:del>' +
      '<w:ins><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>the Leader</w:t></w:r></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>, page 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:br/><w:t>Second line &amp; more</w:t></w:r></w:p>' +
      '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Key action</w:t></w:r></w:p>' +
      '<w:tbl>' +
      '<w:tr><w:tc><w:p><w:r><w:t>Ref</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lead</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Shared action</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t>PS</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:p><w:r><w:t>1.2</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>' +
      '<w:tc><w:p><w:r><w:t>PM</w:t></w:r></w:p></w:tc></w:tr>' +
      '</w:tbl>';
    const grid = await readDocx(await rawDocument(body, styles), 'plan.docx');
    const [text, table] = grid.blocks as [GridText, GridTable];
    expect(text.paragraphs.map((p) => [p.text, p.heading, p.bold])).toEqual([
      ['Action Plan', 1, false],
      ['Governance', 2, false],
      ['Owned by the Leader, page 3', null, false],
      ['Second line & more', null, false],
      ['Key action', null, true],
    ]);
    expect(table.rows.map((row) => row.cells.map((cell) => (cell.covered ? '(covered)' : `${cell.text}`)))).toEqual([
      ['Ref', 'Action', 'Lead'],
      ['', 'Shared action', 'PS'],
      ['1.2', '(covered)', 'PM'],
    ]);
    expect(table.rows[1]?.cells[1]?.rowSpan).toBe(2);
  });

  it('reports a document without a body as damaged, naming the file', async () => {
    const bytes = await zipBytes({ 'word/document.xml': `<w:document ${W}/>` });
    const reading = readDocx(bytes, 'plan.docx');
    await expect(reading).rejects.toMatchObject({ code: 'corrupt' });
    await expect(reading).rejects.toThrow('"plan.docx"');
  });
});
