/**
 * The worker thread PGlite runs in. PGlite executes SQL synchronously in WebAssembly: on the API thread a long
 * statement (an import's insert, a restore) would stop every other request, /api/health included, until it ends.
 * Here it only occupies this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import type { PgliteReply, PgliteRequest, PgliteThreadData, ThreadError } from './pglite-thread-protocol.js';

// Same JS types as the pg client is configured for: int8 and numeric as numbers.
const parsers = {
  [types.INT8]: (value: string) => Number(value),
  [types.NUMERIC]: (value: string) => Number(value),
};

function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { name: error.name, message: error.message, fields };
}

const port = parentPort!;
const { dataDir } = workerData as PgliteThreadData;
const post = (reply: PgliteReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

let pg: PGlite;
try {
  pg = await PGlite.create(dataDir);
  post({ id: -1, ok: true, ready: true });
} catch (error) {
  post({ id: -1, ok: false, error: threadError(error) });
  process.exit(1);
}

// One request at a time, in order: the API thread decides what runs inside which transaction.
let queue = Promise.resolve();
port.on('message', (request: PgliteRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: PgliteRequest): Promise<void> {
  try {
    switch (request.kind) {
      case 'query':
        post({ id: request.id, ok: true, rows: (await pg.query(request.sql, request.params, { parsers })).rows });
        return;
      case 'exec':
        await pg.exec(request.sql);
        post({ id: request.id, ok: true });
        return;
      case 'copyIn':
        // PGlite reads COPY input from its /dev/blob device.
        await pg.query(`copy ${request.table} (${request.columns.join(', ')}) from '/dev/blob'`, [], {
          blob: new Blob([request.rows]),
        });
        post({ id: request.id, ok: true });
        return;
      case 'copyOut': {
        // … and writes COPY output to it, returned as the result's blob.
        const result = await pg.query(`copy (${request.query}) to '/dev/blob'`);
        const bytes = result.blob ? new Uint8Array(await result.blob.arrayBuffer()) : null;
        post({ id: request.id, ok: true, bytes }, bytes ? [bytes.buffer as ArrayBuffer] : []);
        return;
      }
      case 'close':
        await pg.close();
        post({ id: request.id, ok: true });
        return;
    }
  } catch (error) {
    post({ id: request.id, ok: false, error: threadError(error) });
  }
}
