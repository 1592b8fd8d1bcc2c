import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The largest file a form accepts. Larger files arrive cut short and are refused by the route. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Limits for every multipart form (files above MAX_UPLOAD_BYTES are marked, not thrown). */
export const MULTIPART_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 5,
  fields: 200,
  fieldSize: 100_000,
  parts: 205,
} as const;

/** A file sent with a form, read into memory (forms take at most a few files of 5 MB). */
export interface UploadedFile {
  filename: string;
  /** As the browser said; check the bytes too before trusting it. */
  mimetype: string;
  bytes: Buffer;
  /** True when the file was larger than MAX_UPLOAD_BYTES and only its start was read. */
  tooLarge: boolean;
}

/** A form field that holds a file (absent when the person chose none). */
export const uploadedFileSchema = z.object({
  filename: z.string(),
  mimetype: z.string(),
  bytes: z.instanceof(Buffer),
  tooLarge: z.boolean(),
});

interface MultipartField {
  type: 'field';
  value: unknown;
}

interface MultipartFile {
  type: 'file';
  filename: string;
  mimetype: string;
  file: { truncated: boolean };
  toBuffer(): Promise<Buffer>;
}

type MultipartPart = MultipartField | MultipartFile;

const isPart = (value: unknown): value is MultipartPart =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  (value.type === 'field' || value.type === 'file');

async function plainValue(part: MultipartPart): Promise<unknown> {
  if (part.type === 'field') return part.value;
  const bytes = await part.toBuffer(); // already read by the multipart plugin: no second read
  if (part.filename === '' && bytes.length === 0) return undefined; // no file chosen
  const file: UploadedFile = {
    filename: part.filename,
    mimetype: part.mimetype,
    bytes,
    tooLarge: part.file.truncated,
  };
  return file;
}

/**
 * Turns a multipart form's body (the plugin's part objects) into what a url-encoded form gives:
 * strings, or lists of strings for repeated fields, with files as UploadedFile. So the CSRF
 * check reads `_csrf` as usual and routes parse every form the same way.
 */
export async function flattenMultipartBody(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const flat: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const parts = (Array.isArray(value) ? value : [value]).filter(isPart);
    const values = (await Promise.all(parts.map(plainValue))).filter((v) => v !== undefined);
    if (values.length > 0) flat[name] = values.length === 1 ? values[0] : values;
  }
  request.body = flat;
}
