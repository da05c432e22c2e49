import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createOrganisation, createUser } from '../../test/factories/factories.ts';
import { saveToOrganisation } from './save-to-organisation.ts';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importedPlanSchema } from '../imports/imported-plan.ts';
import { importSeed, seedPath } from '../imports/interpret/test-seeds.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function waymark(...args: (string | Record<string, string>)[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, BASE_URL: '', ...(args.find((a) => typeof a !== 'string') ?? {}) };
  const words = args.filter((a): a is string => typeof a === 'string');
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/waymark.ts', ...words], { cwd: ROOT, env });
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

  it('exits 2 naming the organisation when --org names none', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-cli-'));
    const result = await waymark('import', seedPath('000'), '--org', 'nowhere', { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`waymark: could not save "${seedPath('000')}": no organisation with the slug "nowhere"\n`);
  });
});

describe('waymark import --org', () => {
  it('saves the plan into the organisation as its administrator', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-cli-'));
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database.db as never);
    const organisation = await createOrganisation(database.db, { name: 'Thanet' });
    await database.db.updateTable('organisations').set({ slug: 'thanet' }).where('id', '=', organisation.id).execute();
    await createUser(database.db, { organisationId: organisation.id, roles: ['admin'] });
    await database.close();

    const previous = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, BASE_URL: process.env.BASE_URL };
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    delete process.env.BASE_URL; // vitest sets it to "/" for Vite
    try {
      const summary = await saveToOrganisation('000.txt', readFileSync(seedPath('000')), 'thanet');
      expect(summary).toMatch(/^saved plan [0-9a-f-]{36}: 33 items, 20 updates, 0 links$/);
    } finally {
      Object.assign(process.env, previous);
      if (previous.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
      if (previous.DATA_DIR === undefined) delete process.env.DATA_DIR;
      if (previous.BASE_URL === undefined) delete process.env.BASE_URL;
    }
  });
});
