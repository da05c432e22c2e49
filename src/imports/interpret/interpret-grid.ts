import type { Grid, Paragraph, SourceRef } from '../grid-model.ts';
import type { ImportedPlan } from '../imported-plan.ts';
import { DraftPlan } from './draft-plan.ts';
import { finalizeItem } from './finalize-item.ts';
import { freshContext, type State } from './interpret-state.ts';
import { addNarrative, paragraphLine } from './narrative.ts';
import { choosePlanTitle, normalised, planYear, repeatedTexts } from './plan-title.ts';
import { readTable } from './read-table.ts';
import { placeStructureText } from './structure-rows.ts';
import type { Role } from './column-roles.ts';

export interface InterpretOptions {
  /** Month the organisation's financial year starts in, 1–12 (default 4, April). */
  fyStartMonth?: number;
  /** Roles the officer chose in the preview, by column label (lower case, single spaces). */
  columnRoles?: Record<string, Role>;
}

export interface InterpretedDocument {
  plan: ImportedPlan;
  /** The plan-table columns found and the role each was given. */
  columns: { label: string; role: Role }[];
}

/**
 * Turns a grid (from any reader) into a plan tree: sections, outcomes, measures and actions with their leads, dates,
 * planned months, progress and links; the text around the tables as narrative; warnings for what looked wrong.
 * Nothing the document says is dropped and nothing is invented.
 */
export function interpretGrid(grid: Grid, options: InterpretOptions = {}): ImportedPlan {
  return interpretDocument(grid, options).plan;
}

/** interpretGrid, with the columns it found: the import preview shows them and lets the officer change their roles. */
export function interpretDocument(grid: Grid, options: InterpretOptions = {}): InterpretedDocument {
  const fyStartMonth = options.fyStartMonth ?? 4;
  const { title, paragraph: titleParagraph } = choosePlanTitle(grid);
  const state: State = {
    plan: new DraftPlan(),
    ctx: freshContext(),
    year: planYear(grid, title, fyStartMonth),
    captions: new Set(),
    overrides: new Map(Object.entries(options.columnRoles ?? {})),
    columns: new Map(),
  };
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
    plan: {
      plan: { title, narrative: state.plan.narrative },
      items: state.plan.items.map((item) => finalizeItem(item, fyStartMonth)),
      warnings: state.plan.warnings,
    },
    columns: [...state.columns.values()],
  };
}

function readParagraph(state: State, paragraph: Paragraph, source: SourceRef): void {
  if (paragraph.text.trim() === '') return;
  if (placeStructureText(state, [paragraph], source, false)) return;
  addNarrative(state, paragraphLine(paragraph));
  state.ctx.schema = null;
}
