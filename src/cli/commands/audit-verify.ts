import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { verifyAudit } from '../../db/audit-log.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

/** Exit status 0 when the chain holds, 3 when a record was altered, deleted or inserted. */
export async function auditVerifyCommand(flags: DatabaseFlags): Promise<void> {
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const result = await verifyAudit(db);
    if (result.ok) {
      console.log(`Audit chain intact: ${result.records} records verified in ${describeDatabase(config)}`);
      return;
    }
    console.error(`dx-compact: audit chain broken after ${result.records} good records: ${result.message}`);
    process.exitCode = 3;
  } finally {
    await db.close();
  }
}
