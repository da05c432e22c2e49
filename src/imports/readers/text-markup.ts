import type { Paragraph } from '../grid-model.ts';
import { decodeHtmlEntities } from './html-entities.ts';

/**
 * The light markup that text copied out of Word keeps inside a line or a table cell: <b>, <i>, <sup>, <p>,
 * <ul><li>, <br>, **bold** and HTML entities. Returns the paragraphs with their emphasis; a paragraph is bold or
 * italic only when all of its words are.
 */
interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

const TOKEN = /<\/?([a-z][a-z0-9]*)\b[^>]*>|\*\*/gi;
const BREAKS = new Set(['p', 'li', 'ul', 'ol', 'br', 'div', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const PLAIN_TEXT = /^[^<>*&•●▪\uf0b7]*$/;

export function paragraphsFromMarkup(source: string): Paragraph[] {
  if (PLAIN_TEXT.test(source)) {
    const text = source.replace(/\s+/g, ' ').trim();
    return text === '' ? [] : [{ text, bold: false, italic: false, bullet: false, heading: null }];
  }
  const paragraphs: Paragraph[] = [];
  let runs: Run[] = [];
  let bullet = false;
  const style = { bold: 0, italic: 0, markdownBold: false };

  const flush = (): void => {
    const paragraph = paragraphOf(runs, bullet);
    if (paragraph !== null) paragraphs.push(...splitInlineBullets(paragraph));
    runs = [];
  };
  const addText = (raw: string): void => {
    if (raw === '') return;
    runs.push({ text: decodeHtmlEntities(raw), bold: style.bold > 0 || style.markdownBold, italic: style.italic > 0 });
  };

  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    addText(source.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[0] === '**') {
      style.markdownBold = !style.markdownBold;
      continue;
    }
    const tag = (match[1] ?? '').toLowerCase();
    const closing = match[0].startsWith('</');
    if (tag === 'b' || tag === 'strong') style.bold = Math.max(0, style.bold + (closing ? -1 : 1));
    else if (tag === 'i' || tag === 'em') style.italic = Math.max(0, style.italic + (closing ? -1 : 1));
    else if (tag === 'sup' && !closing) trimLastRun(runs);
    else if (BREAKS.has(tag)) {
      flush();
      bullet = tag === 'li' && !closing;
    }
  }
  addText(source.slice(last));
  flush();
  return paragraphs;
}

/** "20 <sup>th</sup>" is "20th": the space before a superscript goes. */
function trimLastRun(runs: Run[]): void {
  const lastRun = runs.at(-1);
  if (lastRun) lastRun.text = lastRun.text.replace(/\s+$/, '');
}

function paragraphOf(runs: Run[], bullet: boolean): Paragraph | null {
  let text = runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
  if (bullet) text = text.replace(/^[•●▪◦○·\-–*\uf0b7]\s+/, '');
  if (text === '') return null;
  const worded = runs.filter((r) => /[\p{L}\p{N}]/u.test(r.text));
  const all = (key: 'bold' | 'italic'): boolean => worded.length > 0 && worded.every((r) => r[key]);
  return { text, bold: all('bold'), italic: all('italic'), bullet, heading: null };
}

/** Word bullets flattened into one line ("areas:- • Future staff survey • Appraisal review") become bullet paragraphs. */
function splitInlineBullets(paragraph: Paragraph): Paragraph[] {
  const parts = paragraph.text.split(/\s[•●▪\uf0b7]\s/);
  if (parts.length < 2 || parts.some((part) => part.trim() === '')) return [paragraph];
  return parts.map((text, i) => ({ ...paragraph, text: text.trim(), bullet: i > 0 || paragraph.bullet }));
}
