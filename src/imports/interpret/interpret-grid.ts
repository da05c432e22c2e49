import type { Grid, Paragraph, SourceRef } from '../grid-model.ts';
import type { ImportedPlan } from '../imported-plan.ts';
import { DraftPlan } from './draft-plan.ts';
import { finalizeItem } from './finalize-item.ts';
import { freshContext, type State } from './interpret-state.ts';
import { addNarrative, paragraphLine } from './narrative.ts';
import { choosePlanTitle, normalised, planYear, repeatedTexts } from './plan-title.ts';
import { readTable } from './read-table.ts';
import { placeStructureText } from './structure-rows.ts';

export interface InterpretOptions {
  /** Month the organisation's financial year starts in, 1–12 (default 4, April). */
  fyStartMonth?: number;
}

/**
 * Turns a grid (from any reader) into a plan tree: sections, outcomes, measures and actions with their leads, dates,
 * planned months, progress and links; the text around the tables as narrative; warnings for what looked wrong.
 * Nothing the document says is dropped and nothing is invented.
 */
export function interpretGrid(grid: Grid, options: InterpretOptions = {}): ImportedPlan {
  const fyStartMonth = options.fyStartMonth ?? 4;
  const { title, paragraph: titleParagraph } = choosePlanTitle(grid);
  const state: State = { plan: new DraftPlan(), ctx: freshContext(), year: planYear(grid, title, fyStartMonth), captions: new Set() };
  const repeated = repeatedTexts(grid);
  const seen = new Set<string>(titleParagraph ? [normalised(titleParagraph.text)] : []);

  for (const block of grid.blocks) {
    if (block.kind === 'table') {
      readTable(state, block);
      continue;
    }
    for (const paragraph of block.paragraphs) {
      if (paragraph === titleParagraph) continue;
      const key = normalised(paragraph.text);
      if (repeated.has(key)) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      readParagraph(state, paragraph, block.source);
    }
  }
  return {
    plan: { title, narrative: state.plan.narrative },
    items: state.plan.items.map((item) => finalizeItem(item, fyStartMonth)),
    warnings: state.plan.warnings,
  };
}

function readParagraph(state: State, paragraph: Paragraph, source: SourceRef): void {
  if (paragraph.text.trim() === '') return;
  if (placeStructureText(state, [paragraph], source, false)) return;
  addNarrative(state, paragraphLine(paragraph));
  state.ctx.schema = null;
}
