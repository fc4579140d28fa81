// Worker entry, started by solve-exact.ts: one exact solve per thread, so that ending the thread ends the solve.
import { parentPort } from 'node:worker_threads';
import { solveCoverWithHighs } from './solve-cover-highs.js';
import { toWireError, type ExactJob, type ExactReply } from './exact-messages.js';

if (!parentPort) throw new Error('highs-worker.ts must run in a worker thread');
const port = parentPort;

port.once('message', (job: ExactJob) => {
  solveCoverWithHighs(job.instance, job.constraints, job.options).then(
    (solution) => port.postMessage({ ok: true, solution } satisfies ExactReply),
    (error: unknown) => port.postMessage({ ok: false, error: toWireError(error) } satisfies ExactReply),
  );
});
