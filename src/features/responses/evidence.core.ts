// What a file attached as evidence really is, from its bytes and its name together. Pure. A file
// whose bytes and name disagree is refused: its name would mislead whoever opens it.

export interface EvidenceType {
  contentType: string;
  extensions: readonly string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument.text';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

/** Plain text for a CSV: valid UTF-8 with no control characters other than tab and line ends. */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
}

const TYPES: { type: EvidenceType; matches: (bytes: Uint8Array) => boolean }[] = [
  {
    type: { contentType: 'application/pdf', extensions: ['pdf'] },
    matches: (b) => startsWith(b, ascii('%PDF-')),
  },
  {
    type: { contentType: 'image/png', extensions: ['png'] },
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    type: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
    matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  },
  {
    type: { contentType: 'image/gif', extensions: ['gif'] },
    matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  },
  {
    type: { contentType: 'image/webp', extensions: ['webp'] },
    matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  },
  {
    // An OpenDocument file is a zip whose first entry is "mimetype", stored, naming its kind.
    type: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
    matches: (b) => startsWith(b, ZIP) && startsWith(b, ascii(ODT_MIMETYPE), 30),
  },
  {
    type: {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extensions: ['docx'],
    },
    matches: (b) =>
      startsWith(b, ZIP) &&
      Buffer.from(b).includes('[Content_Types].xml') &&
      !startsWith(b, ascii(ODT_MIMETYPE), 30),
  },
  {
    type: { contentType: 'application/msword', extensions: ['doc'] },
    matches: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  },
  {
    type: { contentType: 'text/csv', extensions: ['csv'] },
    matches: isText,
  },
];

export const extensionOf = (filename: string): string => {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
};

export type EvidenceCheck =
  { ok: true; type: EvidenceType } | { ok: false; error: 'empty' | 'tooLarge' | 'wrongType' };

/** Whether a file may be attached: not empty, not too large, and one of the accepted kinds. */
export function checkEvidenceFile(file: {
  filename: string;
  bytes: Uint8Array;
  tooLarge: boolean;
}): EvidenceCheck {
  if (file.tooLarge) return { ok: false, error: 'tooLarge' };
  if (file.bytes.length === 0) return { ok: false, error: 'empty' };
  const extension = extensionOf(file.filename);
  const found = TYPES.find(
    ({ type, matches }) => type.extensions.includes(extension) && matches(file.bytes),
  );
  return found === undefined ? { ok: false, error: 'wrongType' } : { ok: true, type: found.type };
}

/**
 * The file's name as stored and sent back: its last path part, without control characters or
 * quotes, kept short. The person sees the name they chose.
 */
export function safeFilename(filename: string): string {
  const last = filename.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const cleaned = last.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return cleaned.slice(-200) || 'evidence';
}
