import { createReadStream } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { Invalid } from '../domain/errors.js';

/**
 * The backup file: gzip of a first line naming the format, then frames `<kind> <byte length>\n<payload>`:
 * one `manifest` (JSON), then per table a `table` frame (its name) and `rows` frames (COPY text, whole rows),
 * then `end`. The manifest travels in a gzip member of its own at the front, written once the data is done
 * (its hashes are known only then): gzip members concatenate, so a reader sees one stream, manifest first,
 * and `zcat backup.dxb | head -c 4000` shows it.
 */
export const ARCHIVE_MAGIC = 'DX-COMPACT-BACKUP\n';
export const ARCHIVE_FORMAT = 1;

export type FrameKind = 'manifest' | 'table' | 'rows' | 'end';
const FRAME_KINDS: readonly string[] = ['manifest', 'table', 'rows', 'end'];

// Beyond this a frame length is corruption, not data: a JS string (what COPY input becomes) stops near 512 MiB.
const MAX_FRAME_BYTES = 512 * 1024 * 1024;
const MAX_HEADER_BYTES = 64;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const Manifest = z.object({
  format: z.number().int().positive(),
  appVersion: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  createdAt: z.string(),
  migrations: z.array(z.object({ version: z.string(), name: z.string() })),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).min(1),
      key: z.array(z.string()),
      rows: z.number().int().nonnegative(),
      sha256: Sha256,
      /** Identity and serial columns: the last value the source's sequence gave out (null: none yet). */
      sequences: z.array(z.object({ column: z.string(), lastValue: z.string().nullable() })),
    }),
  ),
  audit: z.object({ records: z.number().int().nonnegative(), lastHash: z.string().nullable() }),
});
export type Manifest = z.infer<typeof Manifest>;

export interface Frame {
  kind: FrameKind;
  payload: Buffer;
}

export const frameHeader = (kind: FrameKind, byteLength: number) => Buffer.from(`${kind} ${byteLength}\n`, 'latin1');

export function encodeFrame(kind: FrameKind, payload: Buffer | string = ''): Buffer {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([frameHeader(kind, bytes.length), bytes]);
}

/** The archive's first gzip member: the format line and the manifest. */
export function encodeManifestMember(manifest: Manifest): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(ARCHIVE_MAGIC), encodeFrame('manifest', JSON.stringify(manifest))]));
}

const corrupt = (file: string, why: string) =>
  new Invalid('backup.corrupt', `${file} is not a complete DX Compact backup: ${why}`);

/** Bytes from a stream, taken off the front: only what has been read and not yet taken is held. */
class ByteQueue {
  private chunks: Buffer[] = [];
  size = 0;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  /** Reads until `count` bytes are held; false when the stream ended first. */
  async fill(count: number): Promise<boolean> {
    while (this.size < count) {
      const next = await this.source.next();
      if (next.done) return false;
      this.chunks.push(next.value);
      this.size += next.value.length;
    }
    return true;
  }

  peek(count: number): Buffer {
    return Buffer.concat(this.chunks, this.size).subarray(0, count);
  }

  /** The first `count` bytes, copied: the chunk they came from is not kept alive by whoever holds them. */
  take(count: number): Buffer {
    const parts: Buffer[] = [];
    for (let need = count; need > 0;) {
      const chunk = this.chunks[0]!;
      if (chunk.length <= need) {
        parts.push(chunk);
        this.chunks.shift();
        need -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, need));
        this.chunks[0] = chunk.subarray(need);
        need = 0;
      }
    }
    this.size -= count;
    return Buffer.concat(parts, count);
  }
}

/**
 * Reads the frames of an archive in order, holding one frame (and the gzip stream's buffers) at a time.
 * Anything that is not a well-formed archive, including a truncated or altered gzip stream, is `backup.corrupt`.
 */
export async function* readArchive(file: string): AsyncGenerator<Frame> {
  const input = createReadStream(file).pipe(createGunzip());
  const bytes = new ByteQueue(input[Symbol.asyncIterator]());
  const fill = (count: number) =>
    bytes.fill(count).catch((error: unknown) => {
      throw corrupt(file, error instanceof Error ? error.message : String(error)); // zlib: truncated, bad CRC, not gzip
    });
  try {
    if (!(await fill(ARCHIVE_MAGIC.length)) || bytes.take(ARCHIVE_MAGIC.length).toString('latin1') !== ARCHIVE_MAGIC)
      throw corrupt(file, 'it does not start with the backup format line');
    for (;;) {
      await fill(MAX_HEADER_BYTES);
      if (bytes.size === 0) throw corrupt(file, 'it ends before its end marker (truncated?)');
      const newline = bytes.peek(MAX_HEADER_BYTES).indexOf(10);
      const match = newline < 0 ? null : /^([a-z]+) (\d{1,10})\n$/.exec(bytes.take(newline + 1).toString('latin1'));
      if (!match || !FRAME_KINDS.includes(match[1]!)) throw corrupt(file, 'a frame header is garbled');
      const size = Number(match[2]);
      if (size > MAX_FRAME_BYTES) throw corrupt(file, `a frame claims ${size} bytes`);
      if (!(await fill(size))) throw corrupt(file, 'it ends inside a frame (truncated?)');
      const frame: Frame = { kind: match[1] as FrameKind, payload: bytes.take(size) };
      yield frame;
      if (frame.kind === 'end') {
        if (await fill(1)) throw corrupt(file, 'there is data after its end marker');
        return;
      }
    }
  } finally {
    input.destroy();
  }
}

/** Reads and checks the manifest at the front of an archive; the generator is left just after it. */
export async function readManifest(file: string, frames: AsyncGenerator<Frame>): Promise<Manifest> {
  const first = await frames.next();
  if (first.done || first.value.kind !== 'manifest') throw corrupt(file, 'it has no manifest');
  let json: unknown;
  try {
    json = JSON.parse(first.value.payload.toString('utf8'));
  } catch {
    throw corrupt(file, 'its manifest is not JSON');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > ARCHIVE_FORMAT)
    throw new Invalid(
      'backup.version',
      `${file} is in backup format ${format}; this version of DX Compact reads format ${ARCHIVE_FORMAT}: upgrade it first`,
    );
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw corrupt(file, `its manifest is malformed (${parsed.error.issues[0]?.message ?? ''})`);
  return parsed.data;
}
