import type { ImportedPlan } from './imported-plan.ts';
import { interpretGrid, type InterpretOptions } from './interpret/interpret-grid.ts';
import { readFileToGrid } from './read-file.ts';

export type ImportOptions = InterpretOptions;

/**
 * From the bytes of an uploaded file to the plan Waymark understood, before anything is saved: the format is found
 * from the bytes, the right reader builds the grid, the interpreter builds the tree. Throws ImportFileError (with a
 * message naming the file) when the file cannot be read.
 */
export async function importDocument(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportedPlan> {
  const grid = await readFileToGrid(bytes, fileName);
  return interpretGrid(grid, options);
}
