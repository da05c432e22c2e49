import { invalidInput } from '../errors.ts';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface EvidenceUpload {
  fileName: string;
  data: Buffer;
}

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** What a file really is, from its first bytes; null when Waymark does not accept it as evidence. */
export function evidenceType(file: EvidenceUpload): string | null {
  const { data, fileName } = file;
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ext === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (ext === 'pptx') return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
    return null;
  }
  if ((ext === 'txt' || ext === 'csv') && !data.subarray(0, 4096).includes(0)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

/** Throws a clear message for an empty, oversized or unaccepted file. */
export function checkEvidence(file: EvidenceUpload): string {
  if (file.data.length === 0) throw invalidInput(`"${file.fileName}" is empty`, 'evidence');
  if (file.data.length > EVIDENCE_MAX_BYTES) throw invalidInput(`"${file.fileName}" is larger than 10 MB`, 'evidence');
  const type = evidenceType(file);
  if (!type) throw invalidInput(`"${file.fileName}" is not a file Waymark accepts as evidence: use a PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG file`, 'evidence');
  return type;
}
