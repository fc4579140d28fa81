import { resolve } from 'node:path';
import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { restoreDatabase } from '../../db/backup-restore.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

/** Restores an archive in one transaction and checks it against the source; any mismatch rolls it back (exit 2). */
export async function restoreCommand(flags: DatabaseFlags & { from: string; force?: boolean }): Promise<void> {
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  try {
    const started = performance.now();
    const { manifest, rows, migratedForward } = await restoreDatabase(db, resolve(flags.from), {
      force: flags.force ?? false,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Restored ${flags.from} (${manifest.engine}, ${manifest.createdAt}) into ${describeDatabase(config)} in ${seconds} s: ` +
        `${manifest.tables.length} tables and ${rows} rows equal to the source, audit chain intact ` +
        `(${manifest.audit.records} records${manifest.audit.lastHash ? `, last ${manifest.audit.lastHash.slice(0, 12)}…` : ''})` +
        (migratedForward.length ? `; then applied ${migratedForward.join(', ')}` : ''),
    );
  } finally {
    await db.close();
  }
}
