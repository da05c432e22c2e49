import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importedPlanSchema } from '../imports/imported-plan.ts';
import { importSeed, seedPath } from '../imports/interpret/test-seeds.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function waymark(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/waymark.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe.concurrent('waymark import --dry-run --json', () => {
  it('prints only the ImportedPlan JSON of a seed', async () => {
    const { code, stdout, stderr } = await waymark('import', seedPath('004'), '--dry-run', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const plan = importedPlanSchema.parse(JSON.parse(stdout));
    expect(plan).toEqual(importSeed('004'));
    expect(plan.items.filter((i) => i.kind === 'action')).toHaveLength(27);
  });

  it('exits 2 with one line on stderr when the file cannot be read', async () => {
    const missing = await waymark('import', 'no/such/plan.docx', '--dry-run', '--json');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('waymark: cannot read "no/such/plan.docx": no such file\n');
  });

  it('refuses to save without the app', async () => {
    expect(await waymark('import', seedPath('000'), '--org', 'thanet')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'waymark: saving needs the app; use --dry-run\n',
    });
  });
});
