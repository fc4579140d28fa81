import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatPlanPointError, readPlanPoints, type PlanPointKind } from '../../intake/planner/read-plan-points.js';
import { formatExcludedAreaError, readExcludedAreas } from '../../intake/planner/read-excluded-areas.js';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { coverageOutputDir } from '../../jobs/coverage-output-dir.js';
import { startPlanJob } from '../../jobs/plan-job.js';
import { filesPlanSource } from '../../jobs/plan-files-source.js';
import { Invalid } from '../../domain/errors.js';
import { PlanSettingsSchema, type PlanSettingsInput } from '../../domain/planner/plan-settings.js';
import { planSitesCsv, planSitesGeoJson, planSitesKml } from '../../engines/planner/plan-exports.js';
import { formatPlanSummary } from './plan-summary.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

export interface PlanFlags extends DatabaseFlags {
  name: string;
  sites?: string;
  budget?: string;
  phases?: string;
  settings?: string;
  run?: string;
  economicZone?: string;
  border?: string;
  mandatory?: string;
  exclude?: string;
  timeLimit?: string;
  candidates?: string;
  points?: string;
  excludedAreas?: string;
  excludedMargin?: string;
  unit?: string;
  dem?: string[];
  population?: string;
  network?: string;
  out?: string;
}

const missing = (flag: string): never => {
  throw new Invalid('plan.area', `${flag} is needed with --dem`);
};
const requireUnit = (unit: string | undefined): string => unit ?? missing('--unit');

/** A settings file's problems as one error, the first twenty each on a line of its own. */
function refusedFile(path: string, problems: readonly string[]): Invalid {
  return new Invalid(
    'plan.settings',
    [`${path}: ${problems.length} problem(s); nothing was planned`, ...problems.slice(0, 20)].join('\n  '),
  );
}

/** A candidates or points file, read whole and checked, or an error naming each bad cell. */
async function readPointsFile(path: string, kind: PlanPointKind) {
  const read = await readPlanPoints({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }, kind);
  if (!read.ok) throw refusedFile(path, read.errors.map(formatPlanPointError));
  return read.rows;
}

/** Excluded areas from a GeoJSON file, or an error naming each bad feature. */
function readAreasFile(path: string) {
  const read = readExcludedAreas({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) });
  if (!read.ok) throw refusedFile(path, read.errors.map(formatExcludedAreaError));
  return read.areas;
}

const number = (text: string | undefined, flag: string) => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Invalid('plan.settings', `${flag} must be a number, not "${text}"`);
  return value;
};

/** `2026:20,2027:30` → phases with a site count each (`2026:20:50` adds a budget). */
function readPhases(text: string): NonNullable<PlanSettingsInput['phases']> {
  return text.split(',').map((part) => {
    const [year, sites, budget] = part.split(':').map((p) => p.trim());
    return {
      year: number(year, '--phases year')!,
      ...(sites ? { maxSites: number(sites, '--phases sites') } : {}),
      ...(budget ? { budget: number(budget, '--phases budget') } : {}),
    };
  });
}

/** The settings from a JSON file, with the flags given on top. */
function settingsOf(flags: PlanFlags): PlanSettingsInput {
  const base = flags.settings
    ? (JSON.parse(readFileSync(flags.settings, 'utf8')) as PlanSettingsInput)
    : { name: flags.name };
  const list = (text: string | undefined) =>
    text
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    ...base,
    name: flags.name,
    ...(flags.run ? { coverageRunId: flags.run } : {}),
    ...(flags.sites ? { maxSites: number(flags.sites, '--sites') } : {}),
    ...(flags.budget ? { budget: number(flags.budget, '--budget') } : {}),
    ...(flags.phases ? { phases: readPhases(flags.phases) } : {}),
    ...(flags.mandatory ? { mandatory: list(flags.mandatory) } : {}),
    ...(flags.exclude ? { excluded: list(flags.exclude) } : {}),
    ...(flags.timeLimit ? { timeLimitS: number(flags.timeLimit, '--time-limit') } : {}),
    weights: {
      ...base.weights,
      ...(flags.economicZone ? { economicZone: number(flags.economicZone, '--economic-zone') } : {}),
      ...(flags.border ? { border: number(flags.border, '--border') } : {}),
    },
  };
}

/** Makes a plan scenario in this process with a progress bar; prints its figures and writes the chosen sites. */
export async function planCommand(flags: PlanFlags): Promise<void> {
  const input = settingsOf(flags);
  if (flags.candidates)
    input.candidates = {
      ...input.candidates,
      imported: (await readPointsFile(flags.candidates, 'candidates')) as never,
    };
  if (flags.points) input.points = (await readPointsFile(flags.points, 'points')) as never;
  if (flags.excludedAreas || flags.excludedMargin)
    input.candidates = {
      ...input.candidates,
      generated: {
        ...input.candidates?.generated,
        ...(flags.excludedAreas ? { excludedAreas: readAreasFile(flags.excludedAreas) } : {}),
        ...(flags.excludedMargin ? { excludedMarginM: number(flags.excludedMargin, '--excluded-margin') } : {}),
      },
    };
  const parsed = PlanSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Invalid('plan.settings', `${issue.path.join('.') || 'settings'}: ${issue.message}`);
  }
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    console.log(`Plan "${parsed.data.name}" on ${describeDatabase(config)}`);
    // Files given: the area is read from them as a coverage run reads them; otherwise the demo province.
    const files = flags.dem?.length
      ? {
          rootUnit: requireUnit(flags.unit),
          source: await filesPlanSource(db, {
            rootUnit: requireUnit(flags.unit),
            dem: flags.dem,
            population: flags.population ?? missing('--population'),
            sites: flags.network ?? 'stored',
          }),
        }
      : undefined;
    const bar = new SingleBar(
      { format: '{stage} {bar} {percentage}% | elapsed {duration_formatted}', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(100, 0, { stage: 'area'.padEnd(11) });
    const { scenarioId, finished } = await startPlanJob(db, parsed.data, {
      actor: process.env.USER ? `cli:${process.env.USER}` : 'cli',
      requestId: null,
      coverageDir: coverageOutputDir(config),
      ...(files ? { files } : {}),
      onProgress: (stage, fraction) => bar.update(Math.round(fraction * 100), { stage: stage.padEnd(11) }),
    });
    const scenario = await finished;
    bar.stop();
    if (scenario.status !== 'succeeded' || !scenario.result) {
      console.error(`dx-compact: plan ${scenarioId} ${scenario.status}${scenario.error ? `: ${scenario.error}` : ''}`);
      process.exitCode = 1;
      return;
    }
    for (const line of formatPlanSummary(scenario.result)) console.log(line);
    if (flags.out) {
      const result = scenario.result;
      const body = flags.out.endsWith('.kml')
        ? planSitesKml(result, scenario.name)
        : flags.out.endsWith('.geojson') || flags.out.endsWith('.json')
          ? JSON.stringify(planSitesGeoJson(result, scenario.name), null, 1)
          : planSitesCsv(result);
      writeFileSync(flags.out, body);
      console.log(`Chosen sites written to ${flags.out}`);
    }
    console.log(`Scenario ${scenarioId} stored; the web app lists it under Planning.`);
  } finally {
    await db.close();
  }
}
