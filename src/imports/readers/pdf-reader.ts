import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Grid, GridBlock } from '../grid-model.ts';
import { ImportFileError } from '../import-file-error.ts';
import { layoutPage, type PdfWord } from './pdf-layout.ts';

let pdfjs: Promise<typeof PdfJs> | undefined;
/** pdfjs-dist is large: loaded on the first PDF read, not when the app starts. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/**
 * Reads the text layer of a PDF with pdfjs-dist (legacy build, for Node) and rebuilds lines, columns and tables
 * from the words' positions (see pdf-layout.ts). Bold and italic come from the embedded font names
 * ("Arial-BoldMT"), which pdfjs only knows once a page's operators are loaded.
 */
async function openPdf(bytes: Uint8Array, fileName: string): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfJs();
  try {
    // pdfjs takes ownership of the buffer it is given, so it gets a copy.
    const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true });
    return await task.promise;
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new ImportFileError(
        'encrypted',
        `"${fileName}" is protected with a password. Save a copy without the password (or upload the Word or Excel ` +
          'file it was made from) and try again.',
        fileName,
        undefined,
        { cause: error },
      );
    }
    throw new ImportFileError(
      'corrupt',
      `"${fileName}" looks like a PDF but cannot be opened: it is damaged or incomplete. Download or export it again and try again.`,
      fileName,
      undefined,
      { cause: error },
    );
  }
}

function fontName(page: PDFPageProxy, id: string): string {
  const font: unknown = page.commonObjs.has(id) ? page.commonObjs.get(id) : null;
  const name = typeof font === 'object' && font !== null && 'name' in font ? font.name : '';
  return typeof name === 'string' ? name : '';
}

async function pageWords(page: PDFPageProxy): Promise<PdfWord[]> {
  const content = await page.getTextContent();
  const items = content.items.filter((item) => 'str' in item && item.str.trim() !== '');
  if (items.length === 0) return [];
  await page.getOperatorList();
  return items.flatMap((item) => {
    if (!('str' in item)) return [];
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
    const name = fontName(page, item.fontName);
    return [{
      text: item.str,
      x,
      y,
      width: item.width,
      size: item.height || Math.hypot(a, b) || 10,
      bold: /bold|black|heavy|semibold|demi/i.test(name),
      italic: /italic|oblique/i.test(name),
    }];
  });
}

export async function readPdf(bytes: Uint8Array, fileName: string): Promise<Grid> {
  const pdf = await openPdf(bytes, fileName);
  try {
    const blocks: GridBlock[] = [];
    let words = 0;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
      const page = await pdf.getPage(pageNumber);
      const onPage = await pageWords(page);
      words += onPage.length;
      blocks.push(...layoutPage(onPage, pageNumber));
      page.cleanup();
    }
    if (words === 0) {
      throw new ImportFileError(
        'no_table',
        `"${fileName}" has no text layer: it is probably a scanned image, so its words cannot be read. ` +
          'Upload the Word or Excel file the plan was made from, or a PDF exported from it, and try again.',
        fileName,
      );
    }
    return { fileName, format: 'pdf', blocks };
  } finally {
    await pdf.destroy();
  }
}
