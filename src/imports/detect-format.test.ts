import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';
import { planDocument } from './readers/fixtures/docx-fixtures.ts';
import { threeColumnPlan } from './readers/fixtures/pdf-fixtures.ts';
import { SEED_FILES, seedBytes, utf16le, utf8, windows1252 } from './readers/fixtures/text-fixtures.ts';
import { twoSheetPlan } from './readers/fixtures/xlsx-fixtures.ts';
import { zipBytes } from './readers/fixtures/zip-fixtures.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('detectFormat', () => {
  it('tells Office documents apart by the parts inside the zip, not by the name', async () => {
    expect(detectFormat(await planDocument())).toBe('docx');
    expect(detectFormat(await twoSheetPlan())).toBe('xlsx');
    expect(detectFormat(await zipBytes({ 'notes.txt': 'hello' }))).toBe('zip');
  });

  it('still recognises a Word document whose end was cut off', async () => {
    const bytes = await planDocument();
    expect(detectFormat(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('docx');
  });

  it('recognises PDF, OLE (old or encrypted Office), images, RTF, junk and empty files', async () => {
    expect(detectFormat(await threeColumnPlan())).toBe('pdf');
    expect(detectFormat(OLE)).toBe('ole');
    expect(detectFormat(PNG)).toBe('image');
    expect(detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image');
    expect(detectFormat(utf8('GIF89a....'))).toBe('image');
    expect(detectFormat(utf8('{\\rtf1\\ansi Plan}'))).toBe('rtf');
    expect(detectFormat(new Uint8Array([1, 2, 3, 0, 250, 7, 8, 0, 9]))).toBe('binary');
    expect(detectFormat(new Uint8Array())).toBe('empty');
    expect(detectFormat(utf8('  \r\n\t \n'))).toBe('empty');
  });

  it('reads every seed (tab-separated text with markup, a title line, prose) as text', () => {
    for (const file of SEED_FILES) expect(detectFormat(seedBytes(file)), file).toBe('text');
  });

  it('reads consistently delimited lines as CSV, in any delimiter and encoding', () => {
    expect(detectFormat(utf8('Ref,Action,Lead\n1,"Hold an awayday, with members",CMT\n2,Brief staff,Leader\n'))).toBe('csv');
    expect(detectFormat(windows1252('Ref;Action;Lead\n1;Don’t slip – £5;CMT\n2;Brief;Leader\n'))).toBe('csv');
    expect(detectFormat(utf16le('Ref\tAction\tLead\r\n1\tHold\tCMT\r\n2\tBrief\tLeader\r\n'))).toBe('csv');
    expect(detectFormat(utf8('Ref|Action|Lead\n1|Hold|CMT\n2|Brief|Leader\n'))).toBe('csv');
  });

  it('reads prose with the odd comma as text', () => {
    expect(detectFormat(utf8('This plan, agreed in May, sets out our aims.\nIt will be reviewed quarterly.\nThe leader, chief executive and cabinet own it, together.\n'))).toBe('text');
  });
});
