import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads a file from src/demo/data. A tsc build runs from dist/src/demo, which has no data folder,
 * so fall back to the package root's src/demo/data.
 */
export function readDemoDataFile(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, 'data', name);
  if (existsSync(sibling)) return readFileSync(sibling, 'utf8');
  let dir = here;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return readFileSync(join(dir, 'src', 'demo', 'data', name), 'utf8');
}
