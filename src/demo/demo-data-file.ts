import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** Path of a file in src/demo/data (see its README for sources and licences). */
export function demoDataPath(name: string): string {
  return join(packageRoot(), 'src', 'demo', 'data', name);
}

export function readDemoDataFile(name: string): string {
  return readFileSync(demoDataPath(name), 'utf8');
}
