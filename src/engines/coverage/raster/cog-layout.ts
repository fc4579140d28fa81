/**
 * Lays out a tiled TIFF the way a Cloud-Optimised GeoTIFF wants it (GDAL's COG driver layout):
 * header, the "ghost" structural metadata GDAL reads to report LAYOUT=COG, every IFD (full
 * resolution first, then the overviews), then the tile data from the smallest overview to the full
 * resolution, each tile with a 4-byte size leader and its last 4 bytes repeated as a trailer.
 * Classic TIFF while the file fits in 4 GiB, BigTIFF beyond (or when asked). Little-endian throughout.
 */

export const TIFF_SHORT = 3;
export const TIFF_LONG = 4;
export const TIFF_DOUBLE = 12;
export const TIFF_ASCII = 2;
const TIFF_LONG8 = 16;
const TAG_TILE_OFFSETS = 324;
const TAG_TILE_BYTE_COUNTS = 325;

export interface TiffTag {
  tag: number;
  type: typeof TIFF_SHORT | typeof TIFF_LONG | typeof TIFF_DOUBLE | typeof TIFF_ASCII;
  /** Numbers, or the text of an ASCII tag (a NUL is appended). */
  values: readonly number[] | string;
}

/** One image of the pyramid: its tags (without tile offsets and byte counts) and its compressed tiles, row-major. */
export interface CogImage {
  tags: TiffTag[];
  tiles: Uint8Array[];
}

/** What the head needs of an image: its tags and the byte length of each compressed tile, row-major. */
export interface CogImageLayout {
  tags: TiffTag[];
  tileLengths: readonly number[];
}

const GHOST_LINES =
  'LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n' +
  'BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ';
const GHOST = `GDAL_STRUCTURAL_METADATA_SIZE=${String(GHOST_LINES.length).padStart(6, '0')} bytes\n${GHOST_LINES}`;
/** Bytes before and after each tile's data (its size; its last 4 bytes repeated). */
export const TILE_LEADER = 4;
export const TILE_TRAILER = 4;
const LEADER = TILE_LEADER;
const TRAILER = TILE_TRAILER;
const CLASSIC_LIMIT = 2 ** 32 - 1;

interface Entry {
  tag: number;
  type: number;
  count: number;
  bytes: Uint8Array;
}

const sizeOf = (type: number) => (type === TIFF_SHORT ? 2 : type === TIFF_LONG ? 4 : type === TIFF_ASCII ? 1 : 8);
const even = (n: number) => n + (n % 2);

function encodeValues(type: number, values: readonly number[] | string): { count: number; bytes: Uint8Array } {
  if (typeof values === 'string') {
    const text = new TextEncoder().encode(`${values}\0`);
    return { count: text.length, bytes: text };
  }
  const bytes = new Uint8Array(values.length * sizeOf(type));
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => {
    if (type === TIFF_SHORT) view.setUint16(i * 2, value, true);
    else if (type === TIFF_LONG) view.setUint32(i * 4, value, true);
    else if (type === TIFF_LONG8) view.setBigUint64(i * 8, BigInt(value), true);
    else view.setFloat64(i * 8, value, true);
  });
  return { count: values.length, bytes };
}

function entriesOf(image: CogImageLayout, offsets: readonly number[], big: boolean): Entry[] {
  const wide = big ? TIFF_LONG8 : TIFF_LONG;
  const tags: { tag: number; type: number; values: readonly number[] | string }[] = [
    ...image.tags,
    { tag: TAG_TILE_OFFSETS, type: wide, values: offsets },
    { tag: TAG_TILE_BYTE_COUNTS, type: wide, values: image.tileLengths },
  ];
  return tags
    .sort((a, b) => a.tag - b.tag)
    .map(({ tag, type, values }) => ({ tag, type, ...encodeValues(type, values) }));
}

/** Bytes of an IFD with its out-of-line values placed right after it. */
function ifdSize(entries: readonly Entry[], big: boolean): number {
  const inline = big ? 8 : 4;
  const head = (big ? 8 : 2) + entries.length * (big ? 20 : 12) + (big ? 8 : 4);
  return head + entries.reduce((sum, e) => sum + (e.bytes.length > inline ? even(e.bytes.length) : 0), 0);
}

function writeIfd(out: DataView, at: number, entries: readonly Entry[], next: number, big: boolean): void {
  const inline = big ? 8 : 4;
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  let pos = at;
  if (big) out.setBigUint64(pos, BigInt(entries.length), true);
  else out.setUint16(pos, entries.length, true);
  pos += big ? 8 : 2;
  let extra = pos + entries.length * (big ? 20 : 12) + (big ? 8 : 4);
  for (const entry of entries) {
    out.setUint16(pos, entry.tag, true);
    out.setUint16(pos + 2, entry.type, true);
    if (big) out.setBigUint64(pos + 4, BigInt(entry.count), true);
    else out.setUint32(pos + 4, entry.count, true);
    const valueAt = pos + (big ? 12 : 8);
    if (entry.bytes.length <= inline) bytes.set(entry.bytes, valueAt);
    else {
      bytes.set(entry.bytes, extra);
      if (big) out.setBigUint64(valueAt, BigInt(extra), true);
      else out.setUint32(valueAt, extra, true);
      extra += even(entry.bytes.length);
    }
    pos += big ? 20 : 12;
  }
  if (big) out.setBigUint64(pos, BigInt(next), true);
  else out.setUint32(pos, next, true);
}

function layout(images: readonly CogImageLayout[], big: boolean) {
  const headerSize = big ? 16 : 8;
  const ghostEnd = even(headerSize + GHOST.length);
  // Sizes first (offsets are fixed-width, so their values do not change the sizes), then the positions.
  const placeholders = images.map((image) =>
    entriesOf(
      image,
      image.tileLengths.map(() => 0),
      big,
    ),
  );
  const ifdOffsets: number[] = [];
  let pos = ghostEnd;
  for (const entries of placeholders) {
    ifdOffsets.push(pos);
    pos += ifdSize(entries, big);
  }
  const headEnd = pos;
  const tileOffsets = images.map((image) => image.tileLengths.map(() => 0));
  for (const [level, i] of cogTileOrder(images.map((image) => image.tileLengths.length))) {
    tileOffsets[level]![i] = pos + LEADER;
    pos += LEADER + images[level]!.tileLengths[i]! + TRAILER;
  }
  return { headerSize, ghostEnd, ifdOffsets, headEnd, tileOffsets, fileSize: pos };
}

/** The order of the tile data after the head: the smallest overview first, each level's tiles row-major. */
export function* cogTileOrder(tileCounts: readonly number[]): Generator<[level: number, index: number]> {
  for (let level = tileCounts.length - 1; level >= 0; level--) {
    for (let i = 0; i < tileCounts[level]!; i++) yield [level, i];
  }
}

/**
 * The head of the file (header, ghost, IFDs) for tiles of the given lengths, to be followed by the tiles in
 * cogTileOrder, each framed by framedTile. `bigTiff` 'auto' picks BigTIFF only when a classic TIFF would pass 4 GiB.
 */
export function cogHead(
  images: readonly CogImageLayout[],
  bigTiff: boolean | 'auto',
): { head: Uint8Array; bigTiff: boolean; fileSize: number } {
  let big = bigTiff === true;
  let plan = layout(images, big);
  if (!big && plan.fileSize > CLASSIC_LIMIT) {
    if (bigTiff === false) throw new RangeError(`a classic TIFF cannot hold ${plan.fileSize} bytes`);
    big = true;
    plan = layout(images, big);
  }
  const head = new Uint8Array(plan.headEnd);
  const view = new DataView(head.buffer);
  head.set([0x49, 0x49]); // "II": little-endian
  if (big) {
    view.setUint16(2, 43, true);
    view.setUint16(4, 8, true);
    view.setBigUint64(8, BigInt(plan.ifdOffsets[0]!), true);
  } else {
    view.setUint16(2, 42, true);
    view.setUint32(4, plan.ifdOffsets[0]!, true);
  }
  head.set(new TextEncoder().encode(GHOST), plan.headerSize);
  images.forEach((image, level) => {
    const next = plan.ifdOffsets[level + 1] ?? 0;
    writeIfd(view, plan.ifdOffsets[level]!, entriesOf(image, plan.tileOffsets[level]!, big), next, big);
  });
  return { head, bigTiff: big, fileSize: plan.fileSize };
}

/** A tile as the COG layout stores it: a 4-byte size leader, the tile, its last 4 bytes repeated. */
export function framedTile(tile: Uint8Array): [leader: Uint8Array, tile: Uint8Array, trailer: Uint8Array] {
  const leader = new Uint8Array(LEADER);
  new DataView(leader.buffer).setUint32(0, tile.length, true);
  const trailer = new Uint8Array(TRAILER); // deflate output is never shorter, but stay 4 bytes regardless
  trailer.set(tile.subarray(Math.max(0, tile.length - TRAILER)), Math.max(0, TRAILER - tile.length));
  return [leader, tile, trailer];
}

/** The whole file as chunks to write one after the other: the head, then each tile framed. */
export function assembleCog(images: readonly CogImage[], bigTiff: boolean | 'auto'): Uint8Array[] {
  const layouts = images.map((image) => ({ tags: image.tags, tileLengths: image.tiles.map((t) => t.length) }));
  const chunks: Uint8Array[] = [cogHead(layouts, bigTiff).head];
  for (const [level, i] of cogTileOrder(images.map((image) => image.tiles.length))) {
    chunks.push(...framedTile(images[level]!.tiles[i]!));
  }
  return chunks;
}
