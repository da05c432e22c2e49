import { describe, expect, it } from 'vitest';
import type { GridTable } from './grid-model.ts';
import { ImportFileError, type ImportErrorCode } from './import-file-error.ts';
import { MAX_FILE_BYTES, readFileToGrid } from './read-file.ts';
import { planDocument } from './readers/fixtures/docx-fixtures.ts';
import { seedBytes, utf8, windows1252 } from './readers/fixtures/text-fixtures.ts';
import { twoSheetPlan, workbookBytes } from './readers/fixtures/xlsx-fixtures.ts';
import { zipBytes } from './readers/fixtures/zip-fixtures.ts';

async function refusal(bytes: Uint8Array, fileName: string): Promise<ImportFileError> {
  try {
    await readFileToGrid(bytes, fileName);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error(`${fileName} was accepted`);
}

async function expectRefused(bytes: Uint8Array, fileName: string, code: ImportErrorCode): Promise<ImportFileError> {
  const error = await refusal(bytes, fileName);
  expect(error.code).toBe(code);
  expect(error.fileName).toBe(fileName);
  expect(error.message).toContain(`"${fileName}"`);
  expect(error.message).not.toMatch(/\n\s+at |TypeError|undefined/);
  return error;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function oleFile(streamName?: string): Uint8Array {
  const body = new Uint8Array(1024);
  body.set(OLE_HEADER);
  if (streamName) body.set(Buffer.from(streamName, 'utf16le'), 512);
  return body;
}

describe('readFileToGrid', () => {
  it('reads each format it detects from the bytes, whatever the name says', async () => {
    expect((await readFileToGrid(await planDocument(), 'plan.xlsx')).format).toBe('docx');
    expect((await readFileToGrid(await twoSheetPlan(), 'plan')).format).toBe('xlsx');
    const seed = await readFileToGrid(seedBytes('000_156cd9cfdeda1488.txt'), 'plan.txt');
    expect(seed.format).toBe('text');
    expect(seed.blocks.some((block) => block.kind === 'table')).toBe(true);
  });

  it('decodes a Windows-1252 CSV instead of failing', async () => {
    const grid = await readFileToGrid(windows1252('Ref,Action,Budget\n1,Council’s review – phase 2,£500\n'), 'plan.csv');
    expect(grid.format).toBe('csv');
    expect((grid.blocks[0] as GridTable).rows[1]?.cells.map((cell) => cell.text)).toEqual(['1', 'Council’s review – phase 2', '£500']);
  });

  it('refuses an empty file', async () => {
    await expectRefused(new Uint8Array(), 'plan.docx', 'empty');
    await expectRefused(utf8('\r\n  \n'), 'plan.csv', 'empty');
  });

  it('refuses binary junk', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256);
    await expectRefused(junk, 'plan.xlsx', 'unknown_format');
  });

  it('refuses an image renamed .docx, saying what it is', async () => {
    const error = await expectRefused(PNG, 'plan.docx', 'unknown_format');
    expect(error.message).toMatch(/^"plan\.docx" is not a Word document: it looks like a PNG image\./);
    expect(error.message).toContain('.docx, .xlsx, .csv, .txt or .pdf');
  });

  it('refuses a corrupt DOCX (a truncated zip)', async () => {
    const bytes = await planDocument();
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'plan.docx', 'corrupt');
  });

  it('refuses a corrupt XLSX, whether its zip or its workbook is broken', async () => {
    const damagedZip = new Uint8Array(await twoSheetPlan());
    damagedZip.fill(0x41, 200, 2200);
    await expectRefused(damagedZip, 'plan.xlsx', 'corrupt');
    const badWorkbook = await zipBytes({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': 'this is not <xml' });
    await expectRefused(badWorkbook, 'plan.xlsx', 'corrupt');
  });

  it('refuses a password-protected Office file, and says an old .doc/.xls might be the cause', async () => {
    const encrypted = await expectRefused(oleFile('EncryptedPackage'), 'plan.xlsx', 'encrypted');
    expect(encrypted.message).toContain('password');
    const old = await expectRefused(oleFile(), 'plan.doc', 'old_format');
    expect(old.message).toContain('97–2003');
    expect(old.message).toContain('password');
  });

  it('refuses a zip bomb by its unpacked size', async () => {
    const bomb = await zipBytes({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(8 * 1024 * 1024) });
    await expectRefused(bomb, 'plan.docx', 'zip_bomb');
  });

  it('refuses a file over the size limit before looking inside it', async () => {
    const error = await expectRefused(new Uint8Array(MAX_FILE_BYTES + 1), 'plan.pdf', 'too_large');
    expect(error.message).toContain('the limit is 20 MB');
  });

  it('refuses a workbook with no table, naming the sheet', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Notes').getCell('B2').value = 'See the plan in the Cabinet papers.';
    });
    const error = await expectRefused(bytes, 'plan.xlsx', 'no_table');
    expect(error.message).toContain('sheet "Notes"');
    expect(error.where).toBe('sheet "Notes"');
  });

  it('refuses a CSV whose rows hold one value each (an exported sheet of notes) as having no table', async () => {
    const error = await expectRefused(utf8('Our plan,,\nDo better,,\nReport quarterly,,\n'), 'plan.csv', 'no_table');
    expect(error.message).toContain('every row holds at most one value');
  });

  it('refuses RTF and other zip files with advice', async () => {
    const rtf = await expectRefused(utf8('{\\rtf1\\ansi Improvement plan}'), 'plan.rtf', 'unknown_format');
    expect(rtf.message).toContain('save it as .docx');
    await expectRefused(await zipBytes({ 'photo.jpg': 'x' }), 'plan.zip', 'unknown_format');
    const ods = await expectRefused(await zipBytes({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'plan.ods', 'unknown_format');
    expect(ods.message).toContain('OpenDocument');
  });
});
