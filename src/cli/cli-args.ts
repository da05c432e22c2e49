import { parseArgs } from 'node:util';

/** `waymark import FILE [--dry-run] [--json] [--org SLUG] [--fy-start MONTH]`, or why the words do not make sense. */
export interface ImportCommand {
  command: 'import';
  file: string;
  dryRun: boolean;
  json: boolean;
  org: string | null;
  fyStartMonth: number | undefined;
}

export const USAGE = 'usage: waymark import FILE --dry-run [--json] [--fy-start 1-12]   (or --org SLUG to save)';

export function parseCliArgs(argv: string[]): ImportCommand | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        org: { type: 'string' },
        'fy-start': { type: 'string' },
      },
    });
  } catch (error) {
    return { error: `${error instanceof Error ? error.message : String(error)}. ${USAGE}` };
  }
  const [command, file, ...extra] = parsed.positionals;
  if (command !== 'import' || file === undefined || extra.length > 0) return { error: USAGE };
  const fyStart = parsed.values['fy-start'];
  const fyStartMonth = fyStart === undefined ? undefined : Number(fyStart);
  if (fyStartMonth !== undefined && !(Number.isInteger(fyStartMonth) && fyStartMonth >= 1 && fyStartMonth <= 12)) {
    return { error: `--fy-start must be a month number from 1 to 12, not "${fyStart}"` };
  }
  return { command: 'import', file, dryRun: parsed.values['dry-run'] ?? false, json: parsed.values.json ?? false, org: parsed.values.org ?? null, fyStartMonth };
}
