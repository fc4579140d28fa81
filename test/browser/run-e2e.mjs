#!/usr/bin/env node
/* global process, console -- Node script */
// Runs every test/browser/*.e2e.mjs one after the other (each starts its own server and browser) and exits 1 if
// any failed. `npm run test:e2e -- entry map` runs only the named ones.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.e2e.mjs'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.e2e\.mjs$/, '')))
  .sort();
const failed = [];
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(file);
}
console.log(
  `\n${files.length - failed.length} of ${files.length} browser test files passed${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length > 0 || files.length === 0 ? 1 : 0);
