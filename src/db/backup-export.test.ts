import { expect, it } from 'vitest';
import { TableDigest, wholeRows } from './backup-export.js';

async function* chunksOf(text: string, size: number) {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
const collect = async (pieces: AsyncIterable<Buffer>) => {
  const out: string[] = [];
  for await (const piece of pieces) out.push(piece.toString());
  return out;
};

it('regroups COPY output into pieces that end at row ends, whatever the chunks', async () => {
  const rows = Array.from({ length: 50 }, (_, i) => `${i}\tdòng ${'x'.repeat(i % 7)}\n`).join('');
  for (const chunk of [1, 3, 17, 1000]) {
    const pieces = await collect(wholeRows(chunksOf(rows, chunk), 40));
    expect(pieces.join('')).toBe(rows);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    for (const piece of pieces.slice(0, -1)) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(40);
  }
});

it('keeps a row longer than a piece whole', async () => {
  const rows = `a\n${'b'.repeat(100)}\nc\n`;
  expect(await collect(wholeRows(chunksOf(rows, 7), 10))).toEqual(['a\n', `${'b'.repeat(100)}\n`, 'c\n']);
});

it('refuses output that stops inside a row', async () => {
  await expect(collect(wholeRows(chunksOf('a\nb', 1), 10))).rejects.toThrow(/inside a row/);
});

it('counts rows by their raw newlines, escaped ones inside values not included', () => {
  const digest = new TableDigest();
  digest.add(Buffer.from('1\tline\\nbreak\n'));
  digest.add(Buffer.from('2\t\\N\n'));
  expect(digest.rows).toBe(2);
  expect(digest.sha256()).toMatch(/^[0-9a-f]{64}$/);
});
