import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-pglite-conf-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function settingsAfterOpening(sharedBuffers: string) {
  const database = await openDatabase({ dataDir, pgliteSharedBuffers: sharedBuffers });
  try {
    const show = async (name: string) => Object.values((await sql.raw(`show ${name}`).execute(database.db)).rows[0] as object)[0] as string;
    return { sharedBuffers: await show('shared_buffers'), timeZone: await show('timezone'), textSearch: await show('default_text_search_config') };
  } finally {
    await database.close();
  }
}

describe('PGlite’s buffer pool in a data folder', () => {
  it('is set on a new folder and changed on the next start, keeping the rest of postgresql.conf', async () => {
    expect(await settingsAfterOpening('16MB')).toEqual({ sharedBuffers: '16MB', timeZone: 'UTC', textSearch: 'pg_catalog.english' });
    expect(await settingsAfterOpening('24MB')).toEqual({ sharedBuffers: '24MB', timeZone: 'UTC', textSearch: 'pg_catalog.english' });
    const conf = readFileSync(path.join(dataDir, 'pglite', 'postgresql.conf'), 'utf8');
    expect(conf.match(/set by Waymark/g)).toHaveLength(1);
    expect(conf.split('\n').length).toBeGreaterThan(100);
  });
});
