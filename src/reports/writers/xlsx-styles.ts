import type { Fill, Font } from 'exceljs';
import { ragColours } from '../model/rag.ts';
import type { RagCode } from '../model/rag.ts';

function solid(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex}` } };
}

export const headerFill = solid('DEE0E2');
export const sectionFill = solid('EDEEEF');
export const boldFont: Partial<Font> = { bold: true };

/** Fill and font for a RAG cell; the cell's text is always the rating's label. */
export const ragStyles: Readonly<Record<RagCode, { fill: Fill; font: Partial<Font> }>> = Object.fromEntries(
  Object.entries(ragColours).map(([code, colour]) => [code, { fill: solid(colour.fill), font: { bold: true, color: { argb: `FF${colour.text}` } } }]),
) as Record<RagCode, { fill: Fill; font: Partial<Font> }>;
