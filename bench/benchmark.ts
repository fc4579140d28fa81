import type { BenchEngine } from './engines.js';
import type { LoadedDataset } from './load-dataset.js';

/** What every benchmark gets: an engine with the national dataset loaded into it. */
export interface BenchContext {
  engine: BenchEngine;
  loaded: LoadedDataset;
}

export interface Benchmark {
  /** The name given on the command line: `npm run bench -- import`. */
  name: string;
  run(context: BenchContext): Promise<void>;
}
