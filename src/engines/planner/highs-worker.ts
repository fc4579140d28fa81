// Worker entry, started by solve-exact.ts: one exact solve per thread, so that ending the thread ends the solve.
import { parentPort } from 'node:worker_threads';
import { solveCoverWithHighs } from './solve-cover-highs.js';
import { toWireError, type ExactJob, type ExactReply } from './exact-messages.js';

if (!parentPort) throw new Error('highs-worker.ts must run in a worker thread');
const port = parentPort;
const post = (reply: ExactReply) => port.postMessage(reply);

port.once('message', (job: ExactJob) => {
  // Progress is posted as HiGHS reports it: the thread is blocked in HiGHS, but a posted message reaches the host.
  solveCoverWithHighs(job.instance, job.constraints, job.options, {
    onModel: (coverableWeight, modelRows, modelColumns) =>
      post({ kind: 'model', coverableWeight, modelRows, modelColumns }),
    onIncumbent: (chosen, objective) => post({ kind: 'incumbent', chosen, objective }),
    onBound: (bound) => post({ kind: 'bound', bound }),
  }).then(
    (solution) => post({ kind: 'done', ok: true, solution }),
    (error: unknown) => post({ kind: 'done', ok: false, error: toWireError(error) }),
  );
});
