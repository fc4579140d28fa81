// `npm start` builds only when a source changed: the fingerprint of every input (path, size, modification time)
// is compared with the one stored beside the last build's output.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const INPUTS = ['src', 'web', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];
const OUTPUTS = ['dist/src/cli/main.js', 'dist/web/index.html'];
const STAMP = 'dist/.build-inputs';

function* files(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    yield [path, stat];
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    yield* files(join(path, entry));
  }
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    if (!existsSync(input)) continue;
    for (const [path, stat] of files(input)) hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const before = fingerprint();
const built = OUTPUTS.every((path) => existsSync(path));
const stored = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
if (built && stored === before && !process.argv.includes('--force')) process.exit(0);

const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(STAMP, `${before}\n`);
