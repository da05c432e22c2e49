import type { Paragraph, SourceRef } from '../grid-model.ts';
import type { ImportedItemKind } from '../imported-plan.ts';
import { enterOutcome, enterSection, type State } from './interpret-state.ts';
import { paragraphLine } from './narrative.ts';
import { normaliseRef, printedDiffers } from './refs.ts';
import { isOutcomeLabel, isProgressLabel, outcomeLine, sectionLine, type SectionLine } from './row-patterns.ts';
import type { RowView } from './row-view.ts';

/** The first paragraph of a cell is an item's title; the rest (bullets, notes) its detail. */
export function titleAndDetail(paragraphs: Paragraph[]): { title: string; detail: string[] } {
  const [first, ...rest] = paragraphs;
  return { title: first?.text ?? '', detail: rest.map(paragraphLine) };
}

export function placeSection(state: State, line: SectionLine, source: SourceRef, ownsText: boolean): number {
  const { plan } = state;
  let index = plan.byRef(null, line.ref, 'section')[0];
  if (index === undefined) {
    const printed = normaliseRef(line.printedRef);
    index = plan.add({
      kind: 'section',
      ref: line.ref,
      printedRef: printedDiffers(printed) ? printed.printed : null,
      parent: null,
      title: line.title,
      source,
    });
    state.ctx.last = index;
  }
  enterSection(state.ctx, index, ownsText);
  return index;
}

/** Finds the item of this kind and title under the parent, or adds it: a repeated "Theme" cell is the same theme. */
export function upsertByTitle(state: State, kind: ImportedItemKind, parent: number | null, paragraphs: Paragraph[], ref: string | null, source: SourceRef): number {
  const { title, detail } = titleAndDetail(paragraphs);
  const existing = state.plan.child(parent, kind, title);
  if (existing !== null) return existing;
  const index = state.plan.add({ kind, ref, printedRef: null, parent, title, detail, source });
  state.ctx.last = index;
  return index;
}

export function placeOutcome(state: State, ref: string | null, paragraphs: Paragraph[], source: SourceRef): void {
  const index = upsertByTitle(state, 'outcome', state.ctx.section, paragraphs, ref, source);
  enterOutcome(state.ctx, index);
}

/** "2 | Expected Outcome | Creation of Employment …": a label cell with its value beside it. */
export function placeOutcomeRow(state: State, view: RowView): boolean {
  const at = view.texts.findIndex(isOutcomeLabel);
  if (at < 0 || !view.texts.slice(at + 1).some(Boolean)) return false;
  const before = view.texts.slice(0, at).filter(Boolean)[0];
  const ref = before ? normaliseRef(before).ref : null;
  placeOutcome(state, ref, view.paragraphs.slice(at + 1).flat(), view.source);
  return true;
}

/**
 * A line that carries structure: a section heading, an outcome written as a sentence, a "Progress Update" label,
 * the stub of a header ("#"), or a reference alone that restates an item already read. True when it was used.
 */
export function placeStructureText(state: State, paragraphs: Paragraph[], source: SourceRef, inTable: boolean): boolean {
  const text = paragraphs.map((p) => p.text).join(' ').trim();
  const section = sectionLine(text, !inTable);
  if (section) {
    placeSection(state, section, source, true);
    return true;
  }
  const outcome = inTable ? null : outcomeLine(text);
  if (outcome) {
    placeOutcome(state, outcome.ref, [{ text: outcome.title, bold: false, italic: false, bullet: false, heading: null }], source);
    return true;
  }
  if (isProgressLabel(text)) {
    state.ctx.inProgressBlock = true;
    return true;
  }
  if (inTable && /^(#|ref\.?|no\.?)$/i.test(text)) return true;
  const ref = normaliseRef(text).ref;
  return ref !== null && text.length <= 9 && state.plan.byRef(state.ctx.section, ref).length > 0;
}
