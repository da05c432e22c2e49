import { buffer } from 'node:stream/consumers';
import { Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import yazl from 'yazl';

/**
 * Big tables are written as WordprocessingML strings (docx-table-xml.ts) rather than as `docx` objects: `docx`
 * builds and serialises an object tree per cell, which took ~2.5 s for a 2,000-action plan against a 1 s target.
 * The document is built with `docx` holding a placeholder paragraph for each table, then the placeholders are
 * swapped for the table XML in word/document.xml and the package is zipped again with yazl, which deflates with
 * Node's own zlib off the main thread (JSZip's JavaScript deflate took 3 s for the 65 MB of a 20,000-action plan).
 */
export class RawDocxXml {
  private readonly parts = new Map<string, string>();

  /** A paragraph that `inject` will replace with `xml` (which must be body-level WordprocessingML). */
  placeholder(xml: string): Paragraph {
    const token = `WAYMARK-RAW-XML-${this.parts.size}-END`;
    this.parts.set(token, xml);
    return new Paragraph({ children: [new TextRun(token)] });
  }

  async inject(docx: Buffer): Promise<Buffer> {
    if (this.parts.size === 0) return docx;
    const zip = await JSZip.loadAsync(docx);
    const file = zip.file('word/document.xml');
    if (file === null) throw new Error('The generated DOCX has no word/document.xml.');
    const xml = await file.async('string');
    // One pass over the document: each placeholder's paragraph is cut out and its XML put in its place. (Putting them
    // in one at a time searched the whole document again after each table: seven times over 65 MB at 20,000 actions.)
    const pieces: string[] = [];
    let copiedTo = 0;
    let found = 0;
    for (const match of xml.matchAll(/WAYMARK-RAW-XML-\d+-END/g)) {
      const replacement = this.parts.get(match[0]);
      const start = xml.lastIndexOf('<w:p>', match.index);
      const end = xml.indexOf('</w:p>', match.index);
      if (replacement === undefined || start < copiedTo || end === -1) throw new Error(`DOCX placeholder ${match[0]} is not in a paragraph of its own.`);
      pieces.push(xml.slice(copiedTo, start), replacement);
      copiedTo = end + '</w:p>'.length;
      found += 1;
    }
    if (found !== this.parts.size) throw new Error(`DOCX placeholders: ${this.parts.size} made, ${found} found.`);
    pieces.push(xml.slice(copiedTo));
    const documentXml = Buffer.from(pieces.join(''));
    // The same parts, in the order the docx library wrote them, with the new document.
    const out = new yazl.ZipFile();
    const mtime = new Date('2000-01-01T00:00:00Z');
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const data = entry.name === 'word/document.xml' ? documentXml : await entry.async('nodebuffer');
      out.addBuffer(data, entry.name, { mtime, compress: true, compressionLevel: 6 });
    }
    out.end();
    return buffer(out.outputStream);
  }
}
