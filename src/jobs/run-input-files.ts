import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { SiteRecord } from '../domain/coverage/site-record.js';
import { Invalid } from '../domain/errors.js';
import type { InputFile, RunInputFiles } from './streamed-inputs.js';

/** The record of a run's inputs in its folder: paths (absolute, or relative to the folder for kept uploads). */
const MANIFEST = 'inputs.json';
const KEPT = 'inputs';

const ManifestSchema = z.object({
  dem: z.array(z.string()).min(1),
  population: z.string(),
  sites: z.string(),
});

/** A run's inputs as paths on disk, and its sites: what a plan made on the run reads. */
export interface KeptRunInputs {
  dem: string[];
  population: string;
  sites: SiteRecord[];
}

/** A file name safe in a folder: the upload's own name, without any path, with a prefix that keeps names apart. */
function keptName(prefix: string, name: string): string {
  const base = name.split(/[\\/]/).pop() || 'file';
  return `${prefix}-${base.replace(/[^\w.-]+/g, '_')}`;
}

/**
 * Keeps a streamed run's inputs beside its outputs, so a plan can later start from the run: uploads are written
 * into the run's folder (they exist nowhere else), files on disk are named by their absolute path, and the sites
 * read (every technology) are written as read. Returns the inputs as paths: the uploads' bytes need not stay in
 * memory for the rest of the run. The manifest is written last, so a half-kept folder has none.
 */
export async function keepRunInputs(folder: string, files: RunInputFiles): Promise<KeptRunInputs> {
  try {
    return await writeKept(folder, files);
  } catch (error) {
    await discardRunInputs(folder);
    throw error;
  }
}

/** Removes what keepRunInputs kept: a run that did not finish is not planned on. */
export async function discardRunInputs(folder: string): Promise<void> {
  await rm(join(folder, MANIFEST), { force: true });
  await rm(join(folder, `${MANIFEST}.part`), { force: true });
  await rm(join(folder, KEPT), { recursive: true, force: true });
}

async function writeKept(folder: string, files: RunInputFiles): Promise<KeptRunInputs> {
  const kept = join(folder, KEPT);
  await mkdir(kept, { recursive: true });
  const keep = async (file: InputFile, prefix: string): Promise<{ path: string; recorded: string }> => {
    if (typeof file === 'string') return { path: resolve(file), recorded: resolve(file) };
    const name = keptName(prefix, file.name);
    await writeFile(join(kept, name), file.bytes);
    return { path: join(kept, name), recorded: `${KEPT}/${name}` };
  };
  const dem = await Promise.all(files.dem.map((file, i) => keep(file, `dem-${i + 1}`)));
  const population = await keep(files.population, 'population');
  await writeFile(join(kept, 'sites.json'), JSON.stringify(files.sites));
  const manifest = { dem: dem.map((d) => d.recorded), population: population.recorded, sites: `${KEPT}/sites.json` };
  await writeFile(join(folder, `${MANIFEST}.part`), JSON.stringify(manifest, null, 2));
  await rename(join(folder, `${MANIFEST}.part`), join(folder, MANIFEST));
  return { dem: dem.map((d) => d.path), population: population.path, sites: files.sites };
}

/**
 * The inputs a run kept (keepRunInputs), each file checked to be there; a run that kept none (made from the
 * demo, without an output folder, or before runs kept their inputs) or a file since removed is refused by name.
 */
export async function readKeptRunInputs(folder: string, runId: string): Promise<KeptRunInputs> {
  const path = join(folder, MANIFEST);
  if (!existsSync(path))
    throw new Invalid(
      'plan.area',
      `Coverage run ${runId} kept no record of its input files in ${folder}; run it again to plan on it`,
      [{ path: 'coverageRunId', message: 'no kept inputs' }],
    );
  const manifest = await readManifest(path, runId);
  const located = (recorded: string) => (isAbsolute(recorded) ? recorded : join(folder, recorded));
  const missing = [...manifest.dem, manifest.population, manifest.sites].map(located).filter((p) => !existsSync(p));
  if (missing.length > 0)
    throw new Invalid(
      'plan.area',
      `Coverage run ${runId} read ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} no longer there`,
      missing.map((p) => ({ path: 'coverageRunId', message: `${p} missing` })),
    );
  const sites = JSON.parse(await readFile(located(manifest.sites), 'utf8')) as SiteRecord[];
  return { dem: manifest.dem.map(located), population: located(manifest.population), sites };
}

/** The manifest, or a refusal naming it when it cannot be read (edited or cut short by hand). */
async function readManifest(path: string, runId: string): Promise<z.output<typeof ManifestSchema>> {
  let parsed: ReturnType<typeof ManifestSchema.safeParse>;
  try {
    parsed = ManifestSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    parsed = ManifestSchema.safeParse(null);
  }
  if (!parsed.success)
    throw new Invalid('plan.area', `${path}, the record of coverage run ${runId}'s inputs, cannot be read`, [
      { path: 'coverageRunId', message: 'unreadable kept inputs' },
    ]);
  return parsed.data;
}
