import type { IStylesOptions } from 'docx';

/**
 * Named styles in the document's own style sheet, so a council can restyle a report in Word (Home › Styles) and
 * every heading, caption and table cell follows. Sizes are in half-points.
 */
export const docxStyleIds = {
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  caption: 'Caption',
  coverDetail: 'CoverDetail',
  headerFooter: 'HeaderFooterText',
} as const;

const font = 'Arial';
const ink = '0B0C0C';

export const docxStyles: IStylesOptions = {
  default: {
    document: { run: { font, size: 22, color: ink, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120 } } },
    title: { run: { font, size: 56, bold: true, color: ink }, paragraph: { spacing: { after: 240 } } },
    heading1: { run: { font, size: 36, bold: true, color: ink }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
    heading2: { run: { font, size: 28, bold: true, color: ink }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
  },
  paragraphStyles: [
    {
      id: docxStyleIds.tableText, name: 'Table Text', basedOn: 'Normal', quickFormat: true,
      run: { size: 16 }, paragraph: { spacing: { before: 0, after: 0 } },
    },
    { id: docxStyleIds.tableHeading, name: 'Table Heading', basedOn: docxStyleIds.tableText, quickFormat: true, run: { bold: true } },
    {
      id: docxStyleIds.caption, name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true,
      run: { size: 22, bold: true }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
    },
    { id: docxStyleIds.coverDetail, name: 'Cover Detail', basedOn: 'Normal', run: { size: 24 }, paragraph: { spacing: { after: 80 } } },
    { id: docxStyleIds.headerFooter, name: 'Header and Footer Text', basedOn: 'Normal', run: { size: 16, color: '505A5F' } },
  ],
};
