import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../import-file-error.ts';
import { falsifyDeclaredSize, wordParts, zipBytes } from './fixtures/zip-fixtures.ts';
import { assertSafeZip, MAX_UNZIPPED_BYTES } from './zip-safety.ts';

function refusal(bytes: Uint8Array): ImportFileError {
  try {
    assertSafeZip(bytes, 'plan.docx');
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the zip was accepted');
}

const eightMegabytesOfZeros = new Uint8Array(8 * 1024 * 1024);

describe('assertSafeZip', () => {
  it('accepts an ordinary document', async () => {
    const bytes = await zipBytes(wordParts('<w:document/>'.repeat(1000)));
    expect(() => assertSafeZip(bytes, 'plan.docx')).not.toThrow();
  });

  it('refuses a zip that declares more than the unpacked-size limit', async () => {
    const honest = await zipBytes(wordParts('<w:document/>'));
    const bomb = falsifyDeclaredSize(honest, 'word/document.xml', MAX_UNZIPPED_BYTES + 1);
    const error = refusal(bomb);
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toContain('"plan.docx"');
    expect(error.message).toContain('100 MB');
  });

  it('refuses a part compressed absurdly well (8 MB of zeros in a few KB)', async () => {
    const error = refusal(await zipBytes(wordParts(eightMegabytesOfZeros)));
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toContain('word/document.xml');
  });

  it('refuses a part that unpacks to more than it declares, by inflating it with a cap', async () => {
    const liar = falsifyDeclaredSize(await zipBytes(wordParts(eightMegabytesOfZeros)), 'word/document.xml', 1000);
    const error = refusal(liar);
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toContain('more than the size it declares');
  });

  it('reports a zip whose end is cut off as damaged', async () => {
    const bytes = await zipBytes(wordParts('<w:document/>'));
    const error = refusal(bytes.subarray(0, bytes.length - 30));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('"plan.docx" is damaged');
  });
});
