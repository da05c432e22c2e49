import type JSZip from 'jszip';
import type { Grid, GridBlock, Paragraph } from '../grid-model.ts';
import { ImportFileError } from '../import-file-error.ts';
import { createListCounter } from './docx-numbering.ts';
import { readParagraph, type DocxContext } from './docx-paragraph.ts';
import { readStyles } from './docx-styles.ts';
import { readTableRows } from './docx-table.ts';
import { contentChildren, isW, loadXmlParser, parseXml, wChild } from './docx-xml.ts';
import { assertSafeZip } from './zip-safety.ts';

let jszip: Promise<typeof JSZip> | undefined;
/** jszip is loaded on the first DOCX read, not when the app starts. */
const loadJsZip = () => (jszip ??= import('jszip').then((module) => module.default));

/**
 * Reads a Word document as a grid: the body's paragraphs become text blocks and its tables table blocks, in order.
 *
 * Why not mammoth: its HTML (or its document-transform hook, typed `any` and documented as unstable) keeps merged
 * cells but drops list numbering formats, so actions numbered "1.", "2.3" or "b)" by Word — often the very refs of a
 * plan — would lose their numbers. Reading word/document.xml, styles.xml and numbering.xml with a real XML parser
 * (@xmldom/xmldom) keeps gridSpan, vMerge, nested tables, headings and list numbers exactly.
 */
async function readPart(zip: JSZip, path: string): Promise<Document | null> {
  const file = zip.file(path);
  return file ? parseXml(await file.async('string')) : null;
}

function damaged(fileName: string, error: unknown): ImportFileError {
  return new ImportFileError(
    'corrupt',
    `"${fileName}" looks like a Word document but cannot be opened: it is damaged or incomplete. ` +
      'Open it in Word, save it again as .docx, and try again.',
    fileName,
    undefined,
    { cause: error },
  );
}

function bodyBlocks(body: Element, context: DocxContext): GridBlock[] {
  const blocks: GridBlock[] = [];
  let paragraphNumber = 0;
  let tableNumber = 0;
  let text: { paragraphs: Paragraph[]; first: number } | null = null;
  const flushText = (): void => {
    if (text && text.paragraphs.length > 0) {
      blocks.push({ kind: 'text', paragraphs: text.paragraphs, source: { label: `paragraph ${text.first}` } });
    }
    text = null;
  };
  for (const child of contentChildren(body)) {
    if (isW(child, 'p')) {
      const paragraphs = readParagraph(child, context);
      if (paragraphs.length === 0) continue;
      paragraphNumber += 1;
      text ??= { paragraphs: [], first: paragraphNumber };
      text.paragraphs.push(...paragraphs);
    } else if (isW(child, 'tbl')) {
      flushText();
      tableNumber += 1;
      const rows = readTableRows(child, context, tableNumber);
      if (rows.length > 0) blocks.push({ kind: 'table', rows, source: { label: `table ${tableNumber}` } });
    }
  }
  flushText();
  return blocks;
}

export async function readDocx(bytes: Uint8Array, fileName: string): Promise<Grid> {
  assertSafeZip(bytes, fileName);
  const [Zip] = await Promise.all([loadJsZip(), loadXmlParser()]);
  let parts: { document: Document | null; styles: Document | null; numbering: Document | null };
  try {
    const zip = await Zip.loadAsync(bytes);
    parts = {
      document: await readPart(zip, 'word/document.xml'),
      styles: await readPart(zip, 'word/styles.xml'),
      numbering: await readPart(zip, 'word/numbering.xml'),
    };
  } catch (error) {
    throw damaged(fileName, error);
  }
  const body = parts.document ? wChild(parts.document.documentElement, 'body') : undefined;
  if (!body) throw damaged(fileName, new Error('word/document.xml has no body'));
  const context: DocxContext = { styles: readStyles(parts.styles), nextListMark: createListCounter(parts.numbering) };
  return { fileName, format: 'docx', blocks: bodyBlocks(body, context) };
}
