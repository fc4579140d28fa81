#!/usr/bin/env node
import { Command, Option } from 'commander';
import { DomainError } from '../domain/errors.js';
import { packageVersion } from './config.js';

const databaseOptions = (command: Command) =>
  command
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL server to use instead of the embedded database').env(
        'DATABASE_URL',
      ),
    )
    .addOption(
      new Option('--data-dir <dir>', 'embedded (PGlite) data directory')
        .env('DX_DATA_DIR')
        .default(undefined, './data/db'),
    );

// Each command loads its module when it runs, so `coverage viewshed` does not pay for the server and database code.
const program = new Command('dx-compact')
  .description('DX Compact: run a digital-transformation cooperation agreement — indicators, data, coverage, progress.')
  .version(packageVersion());

databaseOptions(
  program
    .command('serve')
    .description('Start the web app and API (migrates first; an empty embedded database gets the demo)')
    .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT').default(undefined, '3000'))
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default(undefined, '127.0.0.1'))
    .option('--no-demo', 'do not load the demo into an empty embedded database'),
).action(async (flags) => (await import('./commands/serve.js')).serveCommand(flags));

databaseOptions(program.command('migrate').description('Apply pending database migrations (safe to run twice)')).action(
  async (flags) => (await import('./commands/migrate.js')).migrateCommand(flags),
);

databaseOptions(
  program
    .command('seed-demo')
    .description('Load the Gia Lai demo province, agreement and 2024–2025 values (flagged demo)'),
).action(async (flags) => (await import('./commands/seed-demo.js')).seedDemoCommand(flags));

const user = program.command('user').description('Accounts: the first administrator, password resets');
databaseOptions(
  user
    .command('create <username>')
    .description('Create an account; a password is generated and shown once unless --password-stdin')
    .option('--admin', 'an administrator (the same as --role admin)')
    .option('--role <role>', 'admin, province_officer, partner_officer, commune_officer or viewer')
    .option('--name <display name>', 'the name shown in the app')
    .option('--units <codes>', 'comma-separated unit codes the user works on (e.g. 24)')
    .option('--party <code>', 'the agreement party the user works for (e.g. VTL)')
    .option('--password-stdin', 'read the password from standard input instead of generating one'),
).action(async (username: string, flags) => (await import('./commands/user.js')).userCreateCommand(username, flags));
databaseOptions(
  user.command('reset-password <username>').description('Generate a new password, to be changed at the next sign-in'),
).action(async (username: string, flags) =>
  (await import('./commands/user.js')).userResetPasswordCommand(username, flags),
);
databaseOptions(
  user
    .command('reset-second-factor <username>')
    .description('Remove an account’s two-factor set-up (a lost phone); it enrols again at the next sign-in'),
).action(async (username: string, flags) =>
  (await import('./commands/user.js')).userResetSecondFactorCommand(username, flags),
);
databaseOptions(user.command('list').description('List the accounts')).action(async (flags) =>
  (await import('./commands/user.js')).userListCommand(flags),
);

const audit = program.command('audit').description('Check the tamper-evident audit log');
databaseOptions(
  audit
    .command('verify')
    .description('Recompute the hash chain; name the first altered, deleted or inserted record (exit 3)'),
).action(async (flags) => (await import('./commands/audit-verify.js')).auditVerifyCommand(flags));

const coverage = program
  .command('coverage')
  .description('Predict 2G/4G/5G coverage from sites, terrain and population');
databaseOptions(
  coverage
    .command('run')
    .description('Run the coverage engine for a unit and period; writes computed coverage indicators and GeoTIFFs')
    .requiredOption('--unit <code>', 'root unit (e.g. 24 for Gia Lai)')
    .requiredOption('--period <period>', 'period the computed values are for (e.g. 2025-12)')
    .option('--demo', 'use the demo province’s synthetic terrain, population and network')
    .option('--dem <files...>', 'terrain: GeoTIFF or SRTM .hgt tiles')
    .option('--population <file>', 'population counts per pixel (GeoTIFF)')
    .option('--sites <file>', 'cell sites (CSV, XLSX or GeoJSON); default: the stored sites')
    .option('--tech <list>', 'technologies', '2G,4G,5G')
    .option('--cell <metres>', 'analysis grid cell size (default 30)')
    .option(
      '--model <model>',
      'path-loss model: auto, free_space, okumura_hata, cost231_hata, tr38901_rma, tr38901_uma',
    )
    .option(
      '--criterion <criterion>',
      "what 'covered' means: median (default), a reliability such as 0.9 or 98% (σ 8 dB), or the JSON criterion",
    )
    .option(
      '--out <dir>',
      'folder for the GeoTIFFs (default: the one `serve` uses, beside the data directory, or DX_COVERAGE_DIR)',
    )
    .option('--distributed', 'share the tiles with `dx-compact worker` processes through the PostgreSQL queue'),
).action(async (flags) => (await import('./commands/coverage-run.js')).coverageRunCommand(flags));

databaseOptions(
  program
    .command('plan')
    .description('Plan 5G sites (maximal covering with a proven bound); stores the scenario, prints its figures')
    .requiredOption('--name <name>', 'scenario name')
    .option('--sites <n>', 'at most this many new sites')
    .option('--budget <cost>', 'at most this total cost (candidates cost 1 on an existing mast, 2 new, by default)')
    .option('--phases <list>', 'a build order by year: 2026:20,2027:30 (sites per year; year:sites:budget for both)')
    .option('--settings <file>', 'the scenario as JSON (the API’s body); the flags override it')
    .option('--run <id>', 'a finished coverage run to start from, demo or from files (default: demo, else the latest)')
    .option('--unit <code>', 'with --dem: the province planned for')
    .option('--dem <files...>', 'plan from files instead of the demo: terrain (GeoTIFF or SRTM .hgt), as coverage run')
    .option('--population <file>', 'with --dem: population counts per pixel (GeoTIFF)')
    .option('--network <file>', 'with --dem: today’s cell sites (CSV, XLSX or GeoJSON); default: the stored sites')
    .option('--economic-zone <weight>', 'extra weight of a person in an economic zone (default 1)')
    .option('--border <weight>', 'extra weight of a person in a border commune (default 1)')
    .option('--mandatory <codes>', 'candidate codes that must be built, comma-separated')
    .option('--exclude <codes>', 'candidate codes never built, comma-separated')
    .option('--time-limit <seconds>', 'solver time limit (default 60)')
    .option('--candidates <file>', 'the partner’s candidate sites, CSV or XLSX: code, lon, lat, cost (and height)')
    .option('--points <file>', 'points of interest, CSV or XLSX: name, kind, lon, lat, weight (and radius in metres)')
    .option('--excluded-areas <file>', 'GeoJSON polygons where no new mast may stand (protected forests, …)')
    .option('--excluded-margin <metres>', 'how far from the excluded areas a new mast must stand')
    .option('--out <file>', 'write the chosen sites: .csv, .geojson or .kml'),
).action(async (flags) => (await import('./commands/plan.js')).planCommand(flags));

coverage
  .command('viewshed')
  .description(
    'One site’s line of sight over a DEM GeoTIFF, written as a Byte GeoTIFF: 1 visible, 0 hidden, 255 beyond the radius',
  )
  .requiredOption('--dem <file>', 'terrain GeoTIFF in a projected CRS (square cells in metres, e.g. UTM)')
  .option('--lon <degrees>', 'site longitude (WGS 84), with --lat')
  .option('--lat <degrees>', 'site latitude (WGS 84), with --lon')
  .option('--x <metres>', 'site easting in the DEM’s CRS, with --y (instead of --lon/--lat)')
  .option('--y <metres>', 'site northing in the DEM’s CRS, with --x')
  .requiredOption('--height <metres>', 'antenna height above the ground')
  .requiredOption('--radius-km <km>', 'how far to look')
  .option('--receiver-height <metres>', 'receiver height above the ground (default 1.5)')
  .option('--k <factor>', 'effective earth-radius factor for refraction (default 4/3, gdal_viewshed -cc 0.75)')
  .requiredOption('--out <file>', 'GeoTIFF to write')
  .action(async (flags) => (await import('./commands/coverage-viewshed.js')).coverageViewshedCommand(flags));

databaseOptions(
  program
    .command('worker')
    .description('Predict coverage tiles for runs started with --distributed (PostgreSQL only; run one per machine)')
    .option('--threads <n>', 'worker threads (default: one per core)'),
).action(async (flags) => (await import('./commands/worker.js')).workerCommand(flags));

databaseOptions(
  program
    .command('backup')
    .description('Write the whole database (every table, in one snapshot) to one archive file, for either engine')
    .requiredOption('--out <file>', 'archive to write (e.g. dx-compact.dxb)'),
).action(async (flags) => (await import('./commands/backup.js')).backupCommand(flags));

databaseOptions(
  program
    .command('restore')
    .description(
      'Restore an archive into an empty database in one transaction, checked against the source (rows, SHA-256, audit chain)',
    )
    .requiredOption('--from <file>', 'archive written by `dx-compact backup`')
    .option('--force', 'replace everything in a non-empty database'),
).action(async (flags) => (await import('./commands/restore.js')).restoreCommand(flags));

program.parseAsync().catch((error: unknown) => {
  if (error instanceof DomainError) {
    console.error(`dx-compact: ${error.message} (${error.code})`);
    process.exit(2);
  }
  console.error(`dx-compact: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
