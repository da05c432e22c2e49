import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportFileError } from '../imports/import-file-error.ts';
import { importDocument } from '../imports/import-document.ts';
import { importedPlanSchema } from '../imports/imported-plan.ts';
import { parseCliArgs } from './cli-args.ts';
import { planSummary } from './plan-summary.ts';
import { saveToOrganisation } from './save-to-organisation.ts';
import { AppError } from '../errors.ts';

/**
 * The command line: `npm run --silent waymark -- import FILE --dry-run --json` prints only the ImportedPlan JSON.
 * Exit 0 on success; 2, with one line on stderr, when the words or the file cannot be used. Saving (--org without
 * --dry-run) writes to the organisation's database.
 */
function fail(message: string, code = 2): void {
  process.stderr.write(`waymark: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = code;
}

async function main(argv: string[]): Promise<void> {
  const args = parseCliArgs(argv);
  if ('error' in args) return fail(args.error);
  if (!args.dryRun && !args.org) return fail('give --dry-run to see what would be imported, or --org SLUG to save it');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String((error as Error).message ?? error);
    return fail(`cannot read "${args.file}": ${reason}`);
  }
  if (!args.dryRun && args.org) {
    try {
      process.stdout.write(`${await saveToOrganisation(basename(args.file), bytes, args.org)}\n`);
    } catch (error) {
      if (error instanceof ImportFileError) return fail(error.message);
      const message = error instanceof Error ? error.message : String(error);
      return fail(`could not save "${args.file}": ${message}`, error instanceof AppError ? 2 : 1);
    }
    return;
  }
  try {
    const plan = importedPlanSchema.parse(await importDocument(bytes, basename(args.file), { fyStartMonth: args.fyStartMonth }));
    process.stdout.write(`${args.json ? JSON.stringify(plan, null, 2) : planSummary(plan)}\n`);
  } catch (error) {
    if (error instanceof ImportFileError) return fail(error.message);
    fail(`could not import "${args.file}": ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

await main(process.argv.slice(2));
