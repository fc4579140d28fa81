import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseConfig } from '../cli/config.js';
import { packageRoot } from '../package-root.js';
import { coverageOutputDir } from './coverage-output-dir.js';

describe('coverageOutputDir', () => {
  it('puts runs beside the embedded data directory, the same for the CLI and the server', () => {
    const config = databaseConfig({ dataDir: '/srv/dx/db/' });
    expect(coverageOutputDir(config, {})).toBe('/srv/dx/db-coverage');
  });
  it('uses data/coverage for a server database or an in-memory one, and DX_COVERAGE_DIR over both', () => {
    const fallback = join(packageRoot(), 'data', 'coverage');
    expect(coverageOutputDir({ databaseUrl: 'postgres://x/y', dataDir: '/srv/db' }, {})).toBe(fallback);
    expect(coverageOutputDir({ dataDir: 'memory://' }, {})).toBe(fallback);
    expect(coverageOutputDir({ dataDir: '/srv/db' }, { DX_COVERAGE_DIR: '/mnt/runs' })).toBe('/mnt/runs');
  });
});
