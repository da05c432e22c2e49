import { ragLabel } from '../model/rag.ts';
import type { RagCode } from '../model/rag.ts';
import type { OutlineCell, OutlineColumn, OutlineRow } from './outline-types.ts';

export function text(value: string | null): OutlineCell {
  return { text: value ?? '', rag: null };
}

export function rag(code: RagCode): OutlineCell {
  return { text: ragLabel(code), rag: code };
}

export function column(label: string, width: number, numeric = false): OutlineColumn {
  return { label, width, numeric };
}

export function dataRow(cells: OutlineCell[], depth = 0): OutlineRow {
  return { cells, heading: false, depth };
}

/** "actions by status" → "Actions by status". */
export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
