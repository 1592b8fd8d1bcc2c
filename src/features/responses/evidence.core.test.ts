import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, safeFilename } from './evidence.core.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

const PDF = bytes('%PDF-1.7\n1 0 obj\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// A local file header is 30 bytes; an OpenDocument file's first entry is "mimetype", stored.
const ODT = bytes(
  ZIP,
  new Array<number>(26).fill(0),
  'mimetypeapplication/vnd.oasis.opendocument.text',
);
const DOCX = bytes(ZIP, new Array<number>(26).fill(0), '[Content_Types].xml');
const DOC = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const CSV = bytes('month,calls returned\nJanuary,42\n');

const check = (filename: string, content: Buffer, tooLarge = false) =>
  checkEvidenceFile({ filename, bytes: content, tooLarge });

describe('checkEvidenceFile', () => {
  it.each([
    ['report.pdf', PDF, 'application/pdf'],
    ['photo.PNG', PNG, 'image/png'],
    ['photo.jpeg', JPEG, 'image/jpeg'],
    ['photo.jpg', JPEG, 'image/jpeg'],
    ['minutes.odt', ODT, 'application/vnd.oasis.opendocument.text'],
    [
      'minutes.docx',
      DOCX,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['minutes.doc', DOC, 'application/msword'],
    ['figures.csv', CSV, 'text/csv'],
  ])('accepts %s as %s', (filename, content, contentType) => {
    expect(check(filename, content)).toEqual({
      ok: true,
      type: expect.objectContaining({ contentType }) as unknown,
    });
  });

  it.each([
    ['a PDF named as an image', 'photo.png', PDF],
    ['an image named as a PDF', 'report.pdf', PNG],
    ['a program', 'setup.exe', bytes('MZ', [0x90, 0, 3])],
    ['a web page', 'page.html', bytes('<html><script>alert(1)</script></html>')],
    ['a CSV with binary in it', 'figures.csv', bytes('a,b\n', [0, 1, 2])],
    ['a zip named as Word', 'minutes.docx', bytes(ZIP, new Array<number>(26).fill(0), 'other.txt')],
    ['a file with no extension', 'report', PDF],
  ])('refuses %s', (_what, filename, content) => {
    expect(check(filename, content)).toEqual({ ok: false, error: 'wrongType' });
  });

  it('refuses an empty file and one too large, before looking at its type', () => {
    expect(check('report.pdf', Buffer.alloc(0))).toEqual({ ok: false, error: 'empty' });
    expect(check('report.pdf', PDF, true)).toEqual({ ok: false, error: 'tooLarge' });
  });
});

describe('safeFilename', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['C:\\Users\\sam\\report.pdf', 'report.pdf'],
    ['../../etc/passwd.csv', 'passwd.csv'],
    ['say "hi"\r\n.pdf', 'say hi.pdf'],
    ['Rhestr gwirio – café.pdf', 'Rhestr gwirio – café.pdf'],
    ['', 'evidence'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFilename(name)).toBe(safe);
  });
});
