import { Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';

/**
 * Big tables are written as WordprocessingML strings (docx-table-xml.ts) rather than as `docx` objects: `docx`
 * builds and serialises an object tree per cell, which took ~2.5 s for a 2,000-action plan against a 1 s target.
 * The document is built with `docx` holding a placeholder paragraph for each table, then the placeholders are
 * swapped for the table XML in word/document.xml.
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
    let xml = await file.async('string');
    for (const [token, replacement] of this.parts) {
      const at = xml.indexOf(token);
      const start = xml.lastIndexOf('<w:p>', at);
      const end = xml.indexOf('</w:p>', at);
      if (at === -1 || start === -1 || end === -1) throw new Error(`DOCX placeholder ${token} not found.`);
      xml = xml.slice(0, start) + replacement + xml.slice(end + '</w:p>'.length);
    }
    zip.file('word/document.xml', xml, { createFolders: false });
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
