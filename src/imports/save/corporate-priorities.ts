const PRIORITY_FIELD = /link.*priorit|corporate\s+priorit|council\s+priorit|strategic\s+priorit/i;

/** "PEOPLE PROSPERITY" in a "Link to Council Priority" column → ["PEOPLE", "PROSPERITY"]. */
export function corporatePriorityCodes(fields: Record<string, string>): string[] {
  const codes: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!PRIORITY_FIELD.test(key)) continue;
    for (const token of value.split(/[\s,;/&]+/)) {
      const code = token.trim().replace(/[^\p{L}\p{N}-]/gu, '');
      if (code && code === code.toUpperCase() && /\p{L}/u.test(code) && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}
