import {
  AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, TextRun,
} from 'docx';
import type { Table } from 'docx';
import type { ReportModel } from '../model/report-model.ts';
import { docxPart } from './docx-blocks.ts';
import { RawDocxXml } from './docx-raw-xml.ts';
import { docxStyleIds, docxStyles } from './docx-styles.ts';
import { docxRuns } from './docx-table.ts';
import { formatReportDate } from './report-dates.ts';
import { coverFacts, reportOutline } from './report-outline.ts';

function cover(model: ReportModel): (Paragraph | Table)[] {
  const facts = coverFacts(model);
  const blocks: (Paragraph | Table)[] = [];
  if (model.sections.cover && model.logo !== null) {
    const { logo } = model;
    blocks.push(new Paragraph({ children: [new ImageRun({
      type: logo.mediaType === 'image/png' ? 'png' : 'jpg', data: Buffer.from(logo.base64, 'base64'),
      transformation: { width: logo.width, height: logo.height }, altText: { name: 'Logo', description: logo.alt, title: logo.alt },
    })] }));
  }
  blocks.push(
    new Paragraph({ style: docxStyleIds.coverDetail, children: docxRuns(facts.organisationName) }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: docxRuns(facts.title) }),
  );
  if (!model.sections.cover) return blocks;
  blocks.push(new Paragraph({ style: docxStyleIds.coverDetail, spacing: { after: 360 }, children: docxRuns(facts.planTitle) }));
  for (const detail of facts.details) {
    blocks.push(new Paragraph({
      style: docxStyleIds.coverDetail,
      children: [new TextRun({ text: `${detail.label}: `, bold: true }), ...docxRuns(detail.value)],
    }));
  }
  return blocks;
}

/**
 * The committee report as a Word document: A4 landscape, a cover, each part from a new page, tables whose header
 * row repeats on every page, RAG cells shaded and labelled, the plan/audience/as-at in the page header and
 * "Page N of M" in the footer. Every style is a named style in the document, so it can be restyled in Word.
 */
export async function writeReportDocx(model: ReportModel): Promise<Buffer> {
  const raw = new RawDocxXml();
  const running = `${model.planTitle} – ${model.audience} – as at ${formatReportDate(model.asAt)}`;
  const footer = new Footer({ children: [new Paragraph({
    style: docxStyleIds.headerFooter, alignment: AlignmentType.RIGHT,
    children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
  })] });
  const header = new Header({ children: [new Paragraph({ style: docxStyleIds.headerFooter, children: docxRuns(running) })] });
  const parts = reportOutline(model).flatMap((part, index) => docxPart(part, model.sections.cover || index > 0, raw));
  const doc = new Document({
    creator: model.organisationName, title: `${model.title}: ${model.planTitle}`, description: running,
    styles: docxStyles,
    sections: [{
      properties: {
        titlePage: model.sections.cover,
        page: {
          size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
          margin: { top: 900, bottom: 900, left: 720, right: 720, header: 400, footer: 400 },
        },
      },
      headers: { default: header, first: new Header({ children: [] }) },
      footers: { default: footer, first: footer },
      children: [...cover(model), ...parts],
    }],
  });
  return raw.inject(await Packer.toBuffer(doc));
}
