import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TooLarge } from '../domain/errors.js';
import { deflatedPart, workbookParts, zipArchive, zipBombWorkbook } from '../../test/fixtures/zip-bomb.js';
import { INTAKE_LIMITS } from './intake-limits.js';
import { inflateEntry, openZip } from './zip-archive.js';
import { readUploadedTable } from './read-table.js';

/** The time and the most RSS grew while `work` ran, sampled every 5 ms (the work is asynchronous). */
async function measure(work: () => Promise<unknown>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  const outcome = await work().then(
    (value) => ({ value, error: null }),
    (error: unknown) => ({ value: null, error }),
  );
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ...outcome, ms, rssGrowthMB: (peak - before) / 2 ** 20 };
}

describe('a zip bomb workbook', () => {
  // 1.6 MB that inflates to 453 MB, the size reported; exceljs's in-memory load took 127 s and 525 MB on it.
  const bomb = zipBombWorkbook({ inflatedMiB: 453, declared: 'honest' });

  it('is refused from its directory in well under a second, the server growing by less than 100 MB', async () => {
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const { error, ms, rssGrowthMB } = await measure(() => readUploadedTable({ name: 'bom.xlsx', bytes: bomb }));
    expect(error).toBeInstanceOf(TooLarge);
    expect(error).toMatchObject({
      code: 'intake.too_large',
      message: expect.stringMatching(
        /^bom\.xlsx inflates to 453 MB \(xl\/worksheets\/sheet1\.xml alone to 453 MB\): at most 64 MB is read/,
      ),
    });
    expect(ms).toBeLessThan(1000);
    expect(rssGrowthMB).toBeLessThan(100);
  });

  it('that lies about its size is refused once it inflates past what it claims', async () => {
    const liar = zipBombWorkbook({ inflatedMiB: 453, declared: 'small' });
    const { error, ms, rssGrowthMB } = await measure(() => readUploadedTable({ name: 'liar.xlsx', bytes: liar }));
    expect(error).toMatchObject({
      code: 'intake.xlsx',
      message: expect.stringMatching(
        /^liar\.xlsx could not be opened as an Excel workbook \(\.xlsx\): xl\/worksheets\/sheet1\.xml inflates to more than the 9\.77 KB its ZIP directory declares/,
      ),
    });
    expect(ms).toBeLessThan(1000);
    expect(rssGrowthMB).toBeLessThan(100);
  });

  it('within the byte limit is still bounded by the row limit', async () => {
    const dense = zipBombWorkbook({ inflatedMiB: 20, declared: 'honest' }); // ~220,000 rows
    await expect(readUploadedTable({ name: 'dense.xlsx', bytes: dense })).rejects.toMatchObject({
      code: 'intake.too_many_rows',
      message: expect.stringMatching(/^dense\.xlsx, sheet "Dữ liệu" has more than 200,000 rows \(row 200,002/),
    });
  });
});

describe('openZip and inflateEntry', () => {
  const inflated = async (bytes: Uint8Array, name: string) => {
    const archive = openZip('t.xlsx', bytes);
    const chunks: Uint8Array[] = [];
    for await (const chunk of inflateEntry(archive, archive.entries.get(name)!)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  };

  it('inflates deflated and stored entries', async () => {
    const data = Buffer.from('stored');
    const stored = { name: 'a.txt', data, method: 0 as const, crc: crc32(data), uncompressedSize: 6 };
    const bytes = zipArchive([deflatedPart('b.txt', 'deflated '.repeat(1000)), stored]);
    expect(await inflated(bytes, 'a.txt')).toBe('stored');
    expect(await inflated(bytes, 'b.txt')).toBe('deflated '.repeat(1000));
    expect(openZip('t.xlsx', bytes).inflatedBytes).toBe(9006);
  });

  it('refuses an entry whose CRC or size does not match, naming it', async () => {
    const part = deflatedPart('xl/workbook.xml', '<workbook/>');
    await expect(inflated(zipArchive([{ ...part, crc: part.crc ^ 1 }]), 'xl/workbook.xml')).rejects.toThrow(
      /xl\/workbook\.xml fails its CRC check/,
    );
    await expect(inflated(zipArchive([{ ...part, uncompressedSize: 20 }]), 'xl/workbook.xml')).rejects.toThrow(
      /inflates to 11 bytes, not the 20 it declares/,
    );
    const garbage = { ...part, data: new Uint8Array([0xff, 0xff, 0xff]) };
    await expect(inflated(zipArchive([garbage]), 'xl/workbook.xml')).rejects.toThrow(/does not inflate/);
  });

  it('refuses, before inflating, more parts than a workbook has, and methods Excel does not write', () => {
    const many = zipArchive(Array.from({ length: INTAKE_LIMITS.zipEntries + 1 }, (_, i) => deflatedPart(`p${i}`, '')));
    expect(() => openZip('many.xlsx', many)).toThrow(/many\.xlsx is a ZIP archive of 10,001 parts/);
    const bzip2 = { ...deflatedPart('xl/workbook.xml', 'x'), method: 12 as never };
    expect(() => openZip('b.xlsx', zipArchive([bzip2]))).toThrow(/compression method 12/);
  });

  it('refuses a cut-short archive as damaged', async () => {
    const workbook = zipArchive(workbookParts(deflatedPart('xl/worksheets/sheet1.xml', '<worksheet/>')));
    await expect(
      readUploadedTable({ name: 'cut.xlsx', bytes: workbook.subarray(0, workbook.length - 30) }),
    ).rejects.toThrow(
      /^cut\.xlsx could not be opened as an Excel workbook \(\.xlsx\): it has no ZIP central directory/,
    );
  });
});
