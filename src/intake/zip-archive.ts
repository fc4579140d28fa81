/**
 * The parts of a ZIP archive held in memory (an uploaded workbook), read from its central directory and
 * inflated as streams that never yield more than the directory declares. A zip bomb is refused from its
 * directory when it tells its size, and after at most the size it claims when it lies: the server never
 * inflates more than INTAKE_LIMITS.inflatedBytes of one upload.
 */
import { crc32, createInflateRaw } from 'node:zlib';
import { Invalid, TooLarge } from '../domain/errors.js';
import { formatSize, INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the two methods Office and every spreadsheet program write. */
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  file: string;
  bytes: Uint8Array;
  entries: ReadonlyMap<string, ZipEntry>;
  /** The sum of what the entries declare: at most the limit, and what inflating them all may yield. */
  inflatedBytes: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
const CHUNK = 64 * 1024;

/** The archive cannot be read as one: the message the workbook reader has always given, with the reason. */
export function damaged(file: string, reason: string): Invalid {
  return new Invalid('intake.xlsx', `${file} could not be opened as an Excel workbook (.xlsx): ${reason}`, undefined, {
    file,
  });
}

class Reader {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    private readonly file: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(offset: number, length: number) {
    if (offset < 0 || offset + length > this.bytes.length) throw damaged(this.file, 'the ZIP archive is cut short');
  }
  u16(offset: number) {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number) {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number) {
    this.check(offset, 8);
    const value = this.view.getBigUint64(offset, true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }
  slice(offset: number, length: number) {
    this.check(offset, length);
    return this.bytes.subarray(offset, offset + length);
  }
}

function findEndOfDirectory(reader: Reader, file: string): number {
  const { bytes } = reader;
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (reader.view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  throw damaged(file, 'it has no ZIP central directory (cut short, or not a ZIP archive)');
}

/** Reads the central directory and refuses, before inflating anything, an archive that declares too much. */
export function openZip(file: string, bytes: Uint8Array, limits: IntakeLimits = INTAKE_LIMITS): ZipArchive {
  if (bytes.length < 22) throw damaged(file, 'the ZIP archive is cut short');
  const reader = new Reader(bytes, file);
  const end = findEndOfDirectory(reader, file);
  let count = reader.u16(end + 10);
  let directorySize = reader.u32(end + 12);
  let directoryOffset = reader.u32(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || reader.u32(locator) !== ZIP64_LOCATOR) throw damaged(file, 'its ZIP64 directory is missing');
    const zip64End = reader.u64(locator + 8);
    if (reader.u32(zip64End) !== ZIP64_END) throw damaged(file, 'its ZIP64 directory is damaged');
    count = reader.u64(zip64End + 32);
    directorySize = reader.u64(zip64End + 40);
    directoryOffset = reader.u64(zip64End + 48);
  }
  if (count > limits.zipEntries) {
    throw new TooLarge(
      'intake.too_large',
      `${file} is a ZIP archive of ${count.toLocaleString('en-US')} parts: a workbook of at most ${limits.zipEntries.toLocaleString('en-US')} is read`,
      undefined,
      { file, parts: count, limit: limits.zipEntries },
    );
  }
  if (directoryOffset + directorySize > bytes.length) throw damaged(file, 'its ZIP central directory is cut short');

  const entries = new Map<string, ZipEntry>();
  let inflatedBytes = 0;
  let largest: ZipEntry | undefined;
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (reader.u32(at) !== DIRECTORY_ENTRY) throw damaged(file, `entry ${i + 1} of its ZIP directory is damaged`);
    const flags = reader.u16(at + 8);
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    const nameBytes = reader.slice(at + 46, nameLength);
    const name = Buffer.from(nameBytes).toString(flags & 0x800 ? 'utf8' : 'latin1');
    const entry: ZipEntry = {
      name,
      method: reader.u16(at + 10),
      crc: reader.u32(at + 16),
      compressedSize: reader.u32(at + 20),
      uncompressedSize: reader.u32(at + 24),
      localHeaderOffset: reader.u32(at + 42),
    };
    readZip64Extra(reader, at + 46 + nameLength, extraLength, entry);
    if (flags & 0x1) throw damaged(file, `${name} is encrypted: save the workbook without a password`);
    if (entry.method !== 0 && entry.method !== 8)
      throw damaged(file, `${name} uses ZIP compression method ${entry.method}, which Excel does not write`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
      throw damaged(file, `${name} is stored uncompressed but declares two sizes`);
    entries.set(name, entry);
    inflatedBytes += entry.uncompressedSize;
    if (!largest || entry.uncompressedSize > largest.uncompressedSize) largest = entry;
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (inflatedBytes > limits.inflatedBytes) {
    throw new TooLarge(
      'intake.too_large',
      `${file} inflates to ${formatSize(inflatedBytes)} (${largest!.name} alone to ${formatSize(largest!.uncompressedSize)}): at most ${formatSize(limits.inflatedBytes)} is read; split it into several files`,
      undefined,
      { file, size: formatSize(inflatedBytes), limit: formatSize(limits.inflatedBytes) },
    );
  }
  return { file, bytes, entries, inflatedBytes };
}

/** ZIP64 keeps, in this order, the sizes and offset whose 32-bit fields are all ones. */
function readZip64Extra(reader: Reader, offset: number, length: number, entry: ZipEntry) {
  const fields = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (field) => entry[field] === 0xffffffff,
  );
  if (fields.length === 0) return;
  for (let at = offset; at + 4 <= offset + length;) {
    const id = reader.u16(at);
    const size = reader.u16(at + 2);
    if (id === 0x0001) {
      fields.forEach((field, i) => {
        if (8 * (i + 1) <= size) entry[field] = reader.u64(at + 4 + 8 * i);
      });
      return;
    }
    at += 4 + size;
  }
}

/** An entry by name, or, as some writers differ in case, by name ignoring case. */
export function findEntry(archive: ZipArchive, name: string): ZipEntry | undefined {
  const exact = archive.entries.get(name);
  if (exact) return exact;
  const folded = name.toLowerCase();
  for (const [key, entry] of archive.entries) if (key.toLowerCase() === folded) return entry;
  return undefined;
}

/**
 * The entry's bytes as they inflate, in chunks. Throws (damaged) once it yields more than the directory
 * declares, when it yields less, or when its CRC differs: the caller sees at most the declared size.
 */
export async function* inflateEntry(archive: ZipArchive, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const { file } = archive;
  const reader = new Reader(archive.bytes, file);
  const at = entry.localHeaderOffset;
  if (reader.u32(at) !== LOCAL_HEADER) throw damaged(file, `the local header of ${entry.name} is missing`);
  const dataStart = at + 30 + reader.u16(at + 26) + reader.u16(at + 28);
  const data = reader.slice(dataStart, entry.compressedSize);
  let produced = 0;
  let crc = 0;
  if (entry.method === 0) {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      const chunk = data.subarray(offset, offset + CHUNK);
      crc = crc32(chunk, crc);
      yield chunk;
    }
    produced = data.length;
  } else {
    const inflater = createInflateRaw({ chunkSize: CHUNK });
    try {
      // zlib inflates only as fast as the chunks are taken: paused, it holds one chunk, not the whole entry.
      inflater.end(data);
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        produced += chunk.length;
        if (produced > entry.uncompressedSize) {
          throw damaged(
            file,
            `${entry.name} inflates to more than the ${formatSize(entry.uncompressedSize)} its ZIP directory declares (a damaged file, or one built to exhaust the server)`,
          );
        }
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof Invalid) throw error;
      throw damaged(file, `${entry.name} does not inflate: ${(error as Error).message}`);
    } finally {
      inflater.destroy();
    }
  }
  if (produced !== entry.uncompressedSize)
    throw damaged(file, `${entry.name} inflates to ${produced} bytes, not the ${entry.uncompressedSize} it declares`);
  if (crc >>> 0 !== entry.crc >>> 0) throw damaged(file, `${entry.name} fails its CRC check`);
}
