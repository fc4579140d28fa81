import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { seedDemo } from '../../db/seed-demo.js';
import { createDemoAccounts, describeDemoCredentials } from '../../application/auth/demo-accounts.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

export async function seedDemoCommand(flags: DatabaseFlags): Promise<void> {
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const report = await seedDemo(db);
    console.log(
      report.seeded
        ? `Loaded the Gia Lai demo into ${describeDatabase(config)}: ${report.units} units, ${report.indicators} indicators, ${report.values} values (all flagged demo)`
        : `The demo is already in ${describeDatabase(config)}; nothing changed`,
    );
    for (const line of describeDemoCredentials(await createDemoAccounts(db))) console.log(line);
  } finally {
    await db.close();
  }
}
