import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module beside the caller: `entry` is the module's URL without extension. A build
 * starts the compiled `.js`; runs from the sources (tsx, vitest) register tsx inside the worker first — on
 * Node 20 a worker's `--import tsx` comes too late for its own entry module.
 */
export function startModuleWorker(callerUrl: string, entry: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${entry}.js`, callerUrl), options);
  // tsx's ESM entry, found from this package (createRequire would give its CommonJS one).
  const tsx = pathToFileURL(
    join(dirname(createRequire(callerUrl).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs'),
  ).href;
  const source = new URL(`${entry}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
