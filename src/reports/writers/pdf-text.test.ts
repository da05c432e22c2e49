import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './pdf-text.ts';

describe('toWinAnsi', () => {
  it('leaves plain text and Windows-1252 punctuation alone', () => {
    expect(toWinAnsi('Council’s £200,000 – “ok” — 31/12/14 … €5 • é')).toBe('Council’s £200,000 – “ok” — 31/12/14 … €5 • é');
  });

  it('maps plan symbols to words or glyphs the font has', () => {
    expect(toWinAnsi('■ ↑ ↓ → ✓ ✗')).toBe('• up down -> Yes No');
  });

  it('turns Cyrillic and Greek look-alike letters into Latin ones (seed 001 has them)', () => {
    expect(toWinAnsi('Рroposal А, Β and О')).toBe('Proposal A, B and O');
  });

  it('strips accents the font lacks, drops control characters and marks anything else', () => {
    expect(toWinAnsi('Łódź ā\u0007 tab\there 日本 🙂')).toBe('?ódz a tab here ?? ?');
  });
});
