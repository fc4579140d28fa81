import type { MultipartFile } from '@fastify/multipart';
import { checkUploadSize, INTAKE_LIMITS } from '../intake/intake-limits.js';

/**
 * The bytes of an uploaded file part, held only up to `maxBytes`: a larger part is refused as
 * `intake.too_large` naming the file once that much has arrived, instead of being buffered whole.
 */
export async function readFilePart(part: MultipartFile, maxBytes: number = INTAKE_LIMITS.inflatedBytes) {
  const name = part.filename || part.fieldname;
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes)
      checkUploadSize(name, length, { ...INTAKE_LIMITS, inflatedBytes: maxBytes }, { atLeast: true });
    chunks.push(chunk);
  }
  return { name, bytes: new Uint8Array(Buffer.concat(chunks, length)) };
}
