import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SiteRecord } from '../domain/coverage/site-record.js';
import { discardRunInputs, keepRunInputs, readKeptRunInputs } from './run-input-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'dx-kept-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const site = { siteCode: 'GL-1', technology: '5G' } as SiteRecord;

describe('a run’s kept inputs', () => {
  it('writes uploads into the run’s folder, names files on disk by path, and reads them back', async () => {
    const folder = join(scratch, 'run-1');
    const onDisk = join(scratch, 'dem-b.tif');
    writeFileSync(onDisk, 'b');
    const upload = { name: '../../etc/dem a.tif', bytes: new TextEncoder().encode('a') };
    const kept = await keepRunInputs(folder, {
      dem: [upload, onDisk],
      population: { name: 'people.tif', bytes: new Uint8Array([1]) },
      sites: [site],
    });
    expect(kept.dem).toEqual([join(folder, 'inputs', 'dem-1-dem_a.tif'), onDisk]);
    expect(readFileSync(kept.dem[0]!, 'utf8')).toBe('a');
    const read = await readKeptRunInputs(folder, 'run-1');
    expect(read).toEqual({ dem: kept.dem, population: join(folder, 'inputs', 'population-people.tif'), sites: [site] });
    await discardRunInputs(folder);
    expect(existsSync(join(folder, 'inputs.json'))).toBe(false);
    expect(existsSync(join(folder, 'inputs'))).toBe(false);
  });

  it('refuses a run that kept nothing, naming the folder, and a record that cannot be read', async () => {
    const folder = join(scratch, 'run-2');
    await expect(readKeptRunInputs(folder, 'run-2')).rejects.toMatchObject({
      code: 'plan.area',
      message: expect.stringContaining(`kept no record of its input files in ${folder}`),
    });
    await keepRunInputs(folder, { dem: [join(scratch, 'x.tif')], population: join(scratch, 'y.tif'), sites: [] });
    writeFileSync(join(folder, 'inputs.json'), '{"dem": [');
    await expect(readKeptRunInputs(folder, 'run-2')).rejects.toMatchObject({
      code: 'plan.area',
      message: expect.stringContaining('cannot be read'),
    });
  });
});
