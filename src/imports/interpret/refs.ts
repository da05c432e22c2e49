/**
 * References as printed ("1.1.3", "7.4.3.", "20 2", "CP04", "HR& OD 2", a Greek "Α" or a Cyrillic "В" that look
 * like Latin letters, "0" for "O" in a lettered list) and the reference they mean.
 */
const LOOK_ALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o',
};

const VALID = /^(\d+(\.\d+)*[a-z]?|[A-Z]{1,2}|[A-Z][A-Z&]{0,5}\d+(\.\d+)*)$/;

export interface NormalisedRef {
  ref: string | null;
  printed: string;
  /** Why the printed reference looks wrong, for a warning; null when it is an ordinary one. */
  oddity: string | null;
}

export function latinLetters(text: string): string {
  return [...text].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
}

/** `letters`: the column holds lettered refs (A, B, C …), where a lone "0" is an "O". */
export function normaliseRef(printed: string, letters = false): NormalisedRef {
  const raw = printed.trim();
  let ref = latinLetters(raw);
  if (letters && ref === '0') ref = 'O';
  let oddity: string | null = null;
  if (/^\d+(\s+\d+)+\.?$/.test(ref)) {
    ref = ref.replace(/\.$/, '').split(/\s+/).join('.');
    oddity = `reference "${raw}" has a space where a dot is expected; read as ${ref}`;
  }
  if (/^\d+(\.\d+){2,}\.$/.test(ref)) oddity = `reference "${raw}" ends with a stray dot`;
  ref = ref.replace(/\.+$/, '');
  const code = /^([A-Z]{2,}(?:\s?&\s?[A-Z]+)*)\s?0*(\d{1,3})$/.exec(ref);
  if (code) ref = `${(code[1] ?? '').replace(/\s/g, '')}${code[2] ?? ''}`;
  if (ref === '' || !VALID.test(ref)) return { ref: null, printed: raw, oddity: raw === '' ? null : `"${raw}" is not a reference this importer understands` };
  return { ref, printed: raw, oddity };
}

/** True when the text could be a printed reference (used to guess a column with no header). */
export function looksLikeRef(text: string): boolean {
  const t = text.trim();
  return t !== '' && t.length <= 9 && (t === '0' || normaliseRef(t).ref !== null);
}

/** "1.1.3" → ["1.1", "1"]: the refs of the items it may belong to, nearest first. */
export function refPrefixes(ref: string): string[] {
  const parts = ref.split('.');
  const prefixes: string[] = [];
  for (let n = parts.length - 1; n >= 1; n -= 1) prefixes.push(parts.slice(0, n).join('.'));
  return prefixes;
}

/** Does the printed ref differ from its meaning by more than a trailing dot or spacing? */
export function printedDiffers(n: NormalisedRef): boolean {
  return n.ref !== null && n.printed.replace(/[.\s]+$/, '') !== n.ref;
}
