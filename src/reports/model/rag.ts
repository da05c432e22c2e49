import { z } from 'zod';

/** A RAG rating as stored. Every writer shows it as its text label, never by colour alone. */
export const ragCodeSchema = z.enum(['red', 'amber', 'green', 'blue', 'none']);
export type RagCode = z.infer<typeof ragCodeSchema>;

/** The order ratings are counted and charted in: worst first, then complete, then unrated. */
export const ragOrder: readonly RagCode[] = ['red', 'amber', 'green', 'blue', 'none'];

export const ragLabels: Readonly<Record<RagCode, string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  blue: 'Blue – complete',
  none: 'No rating',
};

/**
 * Colours for fills. `fill` is the strong colour (chart bars, cell shading in DOCX/PDF/XLSX) and `text` the colour of
 * a label written on it; both pairs meet WCAG AA contrast. `tagClass` is the GOV.UK Frontend tag modifier.
 */
export const ragColours: Readonly<Record<RagCode, { fill: string; text: string; tagClass: string }>> = {
  red: { fill: 'D4351C', text: 'FFFFFF', tagClass: 'govuk-tag--red' },
  amber: { fill: 'F47738', text: '0B0C0C', tagClass: 'govuk-tag--orange' },
  green: { fill: '00703C', text: 'FFFFFF', tagClass: 'govuk-tag--green' },
  blue: { fill: '1D70B8', text: 'FFFFFF', tagClass: 'govuk-tag--blue' },
  none: { fill: 'F3F2F1', text: '0B0C0C', tagClass: 'govuk-tag--grey' },
};

export function ragLabel(rag: RagCode): string {
  return ragLabels[rag];
}
