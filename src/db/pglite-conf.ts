import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MARK = '# set by Waymark';

/**
 * The data folder's postgresql.conf with `settings` at the end (each line marked, and earlier marked lines dropped),
 * or undefined when the folder has none yet. PGlite's `postgresqlconf` option replaces the whole file, so the rest of
 * it (time zone, text search configuration, ...) is handed back as it was.
 */
export function postgresqlConfWith(folder: string, settings: Record<string, string>): string | undefined {
  const file = path.join(folder, 'postgresql.conf');
  if (!existsSync(file)) return undefined;
  const kept = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.endsWith(MARK));
  while (kept.at(-1) === '') kept.pop();
  return [...kept, ...Object.entries(settings).map(([name, value]) => `${name} = '${value}'\t${MARK}`), ''].join('\n');
}
