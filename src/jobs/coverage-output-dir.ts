import { join, resolve } from 'node:path';
import type { DatabaseConfig } from '../db/open-database.js';
import { packageRoot } from '../package-root.js';

/**
 * The one folder where coverage runs write their files (a subfolder per run id), for the CLI's
 * `coverage run`, the server's routes and so the web app alike: DX_COVERAGE_DIR when set; beside an
 * embedded data directory (PGlite owns that directory itself, so not inside it); else data/coverage.
 */
export function coverageOutputDir(config: DatabaseConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DX_COVERAGE_DIR) return resolve(env.DX_COVERAGE_DIR);
  const dataDir = config.databaseUrl ? undefined : config.dataDir;
  if (dataDir && !dataDir.includes('://')) return `${resolve(dataDir).replace(/\/+$/, '')}-coverage`;
  return join(packageRoot(), 'data', 'coverage');
}
