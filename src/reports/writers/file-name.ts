function slug(text: string, maxLength: number): string {
  const slugged = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slugged.slice(0, maxLength).replace(/-+$/, '');
}

/**
 * A download name for a report: `<plan>-<audience>-<yyyy-mm-dd>.<ext>`, lower case, only a–z, 0–9 and hyphens,
 * e.g. "corporate-improvement-plan-2025-27-cabinet-2025-09-30.docx".
 */
export function reportFileName(planTitle: string, audience: string, asAt: string, ext: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asAt)) throw new Error(`The as-at date must be yyyy-mm-dd, not "${asAt}".`);
  const extension = slug(ext.replace(/^\./, ''), 10) || 'txt';
  const parts = [slug(planTitle, 80) || 'plan', slug(audience, 40) || 'report', asAt];
  return `${parts.join('-')}.${extension}`;
}
