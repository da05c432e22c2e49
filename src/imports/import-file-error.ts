/**
 * Why a file could not be turned into a grid. The message is written for the council officer who uploaded it:
 * it names the file (and the sheet or row where that helps) and says what to do next. Never a stack trace.
 */
export type ImportErrorCode =
  | 'empty'
  | 'unknown_format'
  | 'old_format'
  | 'too_large'
  | 'zip_bomb'
  | 'corrupt'
  | 'encrypted'
  | 'no_table';

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly fileName: string,
    readonly where?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The words a person would use for the kind of document a file name promises ("a Word document"). */
export function expectedKindFromName(fileName: string): string {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const kinds: Record<string, string> = {
    docx: 'a Word document',
    doc: 'a Word document',
    xlsx: 'an Excel workbook',
    xls: 'an Excel workbook',
    xlsm: 'an Excel workbook',
    csv: 'a CSV file',
    pdf: 'a PDF',
    txt: 'a text file',
    tsv: 'a text file',
  };
  return kinds[extension] ?? 'a plan document';
}

/** The closing advice every "cannot read this" message ends with. */
export const SAVE_AS_ADVICE = 'Save it as .docx, .xlsx, .csv, .txt or .pdf and try again.';
