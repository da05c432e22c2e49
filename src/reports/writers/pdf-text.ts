/**
 * pdfkit's built-in Helvetica covers Windows-1252 only; any other character comes out as garbage. This maps text
 * to what the font can draw: symbols found in plans become words or safe glyphs, Cyrillic and Greek letters that
 * look Latin (common in pasted plan text) become Latin, accented letters outside the set lose their accents, and
 * anything else becomes "?".
 */
const replacements: Record<string, string> = {
  '■': '•', '□': '-', '▪': '•', '●': '•', '◦': '-', '✓': 'Yes', '✔': 'Yes', '✗': 'No', '✘': 'No',
  '↑': 'up', '↓': 'down', '→': '->', '←': '<-', '↗': 'up', '↘': 'down', '≤': '<=', '≥': '>=', '≠': '!=',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u200b': '', '\ufeff': '', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u2032': "'", '\u2033': '"',
};
const lookAlikes = 'АВЕКМНОРСТХаеорсухІіЈјΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι';
const latin = 'ABEKMHOPCTXaeopcyxIiJjABEZHIKMNOPTYXoi';
for (const [index, char] of [...lookAlikes].entries()) replacements[char] = latin[index] ?? '?';

/** Windows-1252's printable characters above 0x7F that are not Latin-1 (the rest of 0xA0–0xFF is Latin-1). */
export const winAnsiExtras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const cp1252Extras = new Set(winAnsiExtras);
const safe = /^[\x20-\x7e\n]*$/;

function mapChar(char: string): string {
  const replacement = replacements[char];
  if (replacement !== undefined) return replacement;
  const code = char.codePointAt(0) ?? 0;
  if (char === '\t') return ' ';
  if (code < 0x20 && char !== '\n') return '';
  if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || cp1252Extras.has(char)) return char;
  const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return base !== char && [...base].every((c) => c.charCodeAt(0) < 0x100) ? base : '?';
}

export function toWinAnsi(text: string): string {
  if (safe.test(text)) return text;
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) out += mapChar(char);
  return out;
}
