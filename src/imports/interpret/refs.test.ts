import { describe, expect, it } from 'vitest';
import { looksLikeRef, normaliseRef, printedDiffers, refPrefixes } from './refs.ts';

describe('normaliseRef', () => {
  it('reads Greek and Cyrillic look-alikes as Latin letters and keeps the printed text', () => {
    for (const [printed, ref] of [['Α', 'A'], ['В', 'B'], ['С', 'C'], ['Н', 'H'], ['М', 'M'], ['Е', 'E'], ['К', 'K'], ['Р', 'P'], ['Т', 'T'], ['Х', 'X'], ['І', 'I']]) {
      const n = normaliseRef(printed ?? '');
      expect(n.ref).toBe(ref);
      expect(printedDiffers(n)).toBe(true);
    }
  });

  it('reads "0" as "O" only in a lettered list', () => {
    expect(normaliseRef('0', true).ref).toBe('O');
    expect(normaliseRef('0').ref).toBe('0');
  });

  it('tidies codes and dots, and says what looked odd', () => {
    expect(normaliseRef('1.1.')).toEqual({ ref: '1.1', printed: '1.1.', oddity: null });
    expect(normaliseRef('7.4.3.').ref).toBe('7.4.3');
    expect(normaliseRef('7.4.3.').oddity).toContain('stray dot');
    expect(normaliseRef('20 2').ref).toBe('20.2');
    expect(normaliseRef('20 2').oddity).toContain('space where a dot');
    expect(normaliseRef('CP04').ref).toBe('CP4');
    expect(normaliseRef('HR& OD 2').ref).toBe('HR&OD2');
    expect(normaliseRef('2.1, 2.2, 2.3,').ref).toBeNull();
    expect(normaliseRef('2.1, 2.2, 2.3,').oddity).toContain('not a reference');
  });

  it('knows a ref-like cell and the refs a ref extends', () => {
    expect(['1', '4.1.3', 'A', 'Н', 'CP10'].every(looksLikeRef)).toBe(true);
    expect(['Leader', 'Expected Outcome', '', '31/12/14'].some(looksLikeRef)).toBe(false);
    expect(refPrefixes('1.1.3')).toEqual(['1.1', '1']);
    expect(refPrefixes('A')).toEqual([]);
  });
});
