import { detectFormat, detectImageType, isEncryptedOfficeFile, type DetectedFormat } from './detect-format.ts';
import type { Grid } from './grid-model.ts';
import { expectedKindFromName, ImportFileError, SAVE_AS_ADVICE } from './import-file-error.ts';
import { readCsv } from './readers/csv-reader.ts';
import { decodeText } from './readers/detect-encoding.ts';
import { assertSpreadsheetHasTable } from './readers/detect-tables.ts';
import { readDocx } from './readers/docx-reader.ts';
import { readPdf } from './readers/pdf-reader.ts';
import { readText } from './readers/text-reader.ts';
import { readXlsx } from './readers/xlsx-reader.ts';
import { readZipDirectory } from './readers/zip-directory.ts';

/**
 * The one entry point from an uploaded file to a grid: checks the size, finds the format from the bytes, calls the
 * reader, and turns anything that goes wrong into an ImportFileError whose message names the file. Never throws
 * anything else, and never shows a stack trace to the officer.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

function refuse(format: DetectedFormat, bytes: Uint8Array, fileName: string): ImportFileError {
  const expected = expectedKindFromName(fileName);
  const named = `"${fileName}"`;
  switch (format) {
    case 'empty':
      return new ImportFileError('empty', `${named} is empty. Check you chose the right file, then try again.`, fileName);
    case 'image':
      return new ImportFileError(
        'unknown_format',
        `${named} is not ${expected}: it looks like a ${detectImageType(bytes) ?? ''} image. A picture of a plan cannot be ` +
          `read. ${SAVE_AS_ADVICE}`,
        fileName,
      );
    case 'ole':
      return isEncryptedOfficeFile(bytes)
        ? new ImportFileError(
            'encrypted',
            `${named} is protected with a password. Open it, remove the password (File › Info › Protect), save it as ` +
              '.docx or .xlsx, and try again.',
            fileName,
          )
        : new ImportFileError(
            'old_format',
            `${named} is an old Word or Excel 97–2003 file (.doc or .xls), or a password-protected one. Open it, remove ` +
              'any password, save it as .docx or .xlsx, and try again.',
            fileName,
          );
    case 'rtf':
      return new ImportFileError('unknown_format', `${named} is a Rich Text (RTF) file. Open it in Word, save it as .docx, and try again.`, fileName);
    case 'zip':
      return refuseZip(bytes, fileName);
    default:
      return new ImportFileError('unknown_format', `${named} is not ${expected}: it holds binary data Waymark cannot read. ${SAVE_AS_ADVICE}`, fileName);
  }
}

function refuseZip(bytes: Uint8Array, fileName: string): ImportFileError {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) {
    return new ImportFileError('corrupt', `"${fileName}" is damaged or incomplete (the file is cut short). Save or download it again and try again.`, fileName);
  }
  const openDocument = directory.entries.some((entry) => entry.name === 'content.xml');
  const what = openDocument ? 'an OpenDocument file (LibreOffice or OpenOffice)' : 'a zip archive';
  return new ImportFileError('unknown_format', `"${fileName}" is ${what}, not a Word or Excel document. ${SAVE_AS_ADVICE}`, fileName);
}

async function dispatch(format: DetectedFormat, bytes: Uint8Array, fileName: string): Promise<Grid> {
  switch (format) {
    case 'text':
      return readText(decodeText(bytes).text, fileName);
    case 'csv':
      return readCsv(bytes, fileName);
    case 'xlsx':
      return readXlsx(bytes, fileName);
    case 'docx':
      return readDocx(bytes, fileName);
    case 'pdf':
      return readPdf(bytes, fileName);
    default:
      throw refuse(format, bytes, fileName);
  }
}

function unexpected(fileName: string, error: unknown): ImportFileError {
  return new ImportFileError(
    'corrupt',
    `"${fileName}" could not be read: it may be damaged. Open it, save it again, and try again. ${SAVE_AS_ADVICE}`,
    fileName,
    undefined,
    { cause: error },
  );
}

export async function readFileToGrid(bytes: Uint8Array, fileName: string): Promise<Grid> {
  if (bytes.length > MAX_FILE_BYTES) {
    const size = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ImportFileError(
      'too_large',
      `"${fileName}" is ${size} MB; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MB. Remove pictures or split the plan, and try again.`,
      fileName,
    );
  }
  const format = detectFormat(bytes);
  let grid: Grid;
  try {
    grid = await dispatch(format, bytes, fileName);
  } catch (error) {
    throw error instanceof ImportFileError ? error : unexpected(fileName, error);
  }
  if (grid.blocks.length === 0) throw refuse('empty', bytes, fileName);
  assertSpreadsheetHasTable(grid);
  return grid;
}
