import { resolve } from 'node:path';
import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { backupDatabase } from '../../db/backup.js';
import { databaseConfig, packageVersion, type DatabaseFlags } from '../config.js';

/** Writes the whole database to one archive file; the database is only read (one snapshot). */
export async function backupCommand(flags: DatabaseFlags & { out: string }): Promise<void> {
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  try {
    const started = performance.now();
    const { manifest, bytes } = await backupDatabase(db, resolve(flags.out), { appVersion: packageVersion() });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Backed up ${describeDatabase(config)} to ${flags.out}: ${manifest.tables.length} tables, ${rows} rows, ` +
        `${manifest.audit.records} audit records, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.close();
  }
}
