import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

export async function migrateCommand(flags: DatabaseFlags): Promise<void> {
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    console.log(
      applied.length
        ? `Applied ${applied.join(', ')} to ${describeDatabase(config)}`
        : `${describeDatabase(config)} is up to date`,
    );
  } finally {
    await db.close();
  }
}
