/**
 * Peak memory while a benchmark runs. The resident set size is process-wide (it includes the coverage
 * pool's worker threads), so a small sampler thread reads `process.memoryUsage.rss()` every 100 ms and
 * keeps the maxima in shared memory: it goes on sampling while the main thread is busy in a long
 * synchronous loop. The main thread's own V8 heap and ArrayBuffer bytes are sampled on its event loop
 * (they cannot be read from another thread), so their peaks may miss a synchronous stretch.
 */
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peaks = new BigInt64Array(workerData.buffer);
const raise = (slot, value) => {
  for (;;) {
    const current = Atomics.load(peaks, slot);
    if (value <= current || Atomics.compareExchange(peaks, slot, current, value) === current) return;
  }
};
const sample = () => {
  const rss = BigInt(process.memoryUsage.rss());
  raise(0, rss);
  raise(1, rss);
};
sample();
setInterval(sample, workerData.everyMs);
`;

export interface MemoryPeaks {
  /** Largest sampled resident set size, bytes (whole process). */
  rss: number;
  /** Largest sampled main-thread V8 heap in use, bytes. */
  heapUsed: number;
  /** Largest sampled main-thread ArrayBuffer bytes (typed arrays live here, outside the heap). */
  arrayBuffers: number;
}

export class MemorySampler {
  private readonly peaks = new BigInt64Array(new SharedArrayBuffer(16)); // [0] whole run, [1] since mark
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private heapUsed = 0;
  private arrayBuffers = 0;
  private stageHeapUsed = 0;
  private stageArrayBuffers = 0;

  constructor(everyMs = 100) {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: { buffer: this.peaks.buffer, everyMs } });
    this.worker.unref();
    this.timer = setInterval(() => this.sampleMain(), everyMs);
    this.timer.unref();
    this.sampleMain();
  }

  /** Samples the main thread now (call at the end of a synchronous stretch). */
  sampleMain(): void {
    const m = process.memoryUsage();
    this.heapUsed = Math.max(this.heapUsed, m.heapUsed);
    this.arrayBuffers = Math.max(this.arrayBuffers, m.arrayBuffers);
    this.stageHeapUsed = Math.max(this.stageHeapUsed, m.heapUsed);
    this.stageArrayBuffers = Math.max(this.stageArrayBuffers, m.arrayBuffers);
    const rss = BigInt(m.rss);
    if (rss > Atomics.load(this.peaks, 0)) Atomics.store(this.peaks, 0, rss); // the sampler may be late
    if (rss > Atomics.load(this.peaks, 1)) Atomics.store(this.peaks, 1, rss);
  }

  /** Starts a new stage: `sinceMark` reports peaks from here on. */
  mark(): void {
    this.sampleMain();
    Atomics.store(this.peaks, 1, BigInt(process.memoryUsage.rss()));
    const m = process.memoryUsage();
    this.stageHeapUsed = m.heapUsed;
    this.stageArrayBuffers = m.arrayBuffers;
  }

  sinceMark(): MemoryPeaks {
    this.sampleMain();
    return {
      rss: Number(Atomics.load(this.peaks, 1)),
      heapUsed: this.stageHeapUsed,
      arrayBuffers: this.stageArrayBuffers,
    };
  }

  overall(): MemoryPeaks {
    this.sampleMain();
    return { rss: Number(Atomics.load(this.peaks, 0)), heapUsed: this.heapUsed, arrayBuffers: this.arrayBuffers };
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.worker.terminate();
  }
}
