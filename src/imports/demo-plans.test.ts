import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_FOLDER } from './import-service.ts';
import { seedPath } from './interpret/test-seeds.ts';

/** The demonstration plans that ship in demo/plans are the seeds the importer is tested on, byte for byte. */
describe('the demonstration plans', () => {
  it('are the five seed plans, unchanged', () => {
    const files = readdirSync(fileURLToPath(DEMO_FOLDER)).filter((file) => file.endsWith('.txt')).sort();
    expect(files).toEqual(['000.txt', '001.txt', '002.txt', '003.txt', '004.txt']);
    for (const file of files) {
      expect(readFileSync(new URL(file, DEMO_FOLDER)).equals(readFileSync(seedPath(file.slice(0, 3)))), file).toBe(true);
    }
  });
});
