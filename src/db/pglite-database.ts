import { mkdirSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../start-worker.js';
import type { Database, Queryable, Row } from './database.js';
import type {
  PgliteAnswer,
  PgliteReply,
  PgliteRequest,
  PgliteThreadData,
  ThreadError,
} from './pglite-thread-protocol.js';

type Outgoing = PgliteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function toError(error: ThreadError): Error {
  return Object.assign(new Error(error.message), { name: error.name }, error.fields);
}

/** Requests to the database thread and their answers, by id. */
class DatabaseThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: PgliteReply) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;

  constructor(private readonly worker: Worker) {
    let started: { resolve: () => void; reject: (e: Error) => void };
    this.ready = new Promise((resolve, reject) => (started = { resolve, reject }));
    worker.on('message', (reply: PgliteReply) => {
      if (reply.id === -1) return reply.ok ? started.resolve() : started.reject(toError(reply.error));
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      // The thread keeps the process alive only while something waits for it (a finished CLI command exits).
      if (this.pending.size === 0) worker.unref();
      waiting?.resolve(reply);
    });
    const stopped = (why: string) => {
      const error = new Error(`The database thread stopped: ${why}`);
      started.reject(error);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
  }

  async send(request: Outgoing): Promise<PgliteAnswer> {
    const id = this.nextId++;
    const reply = await new Promise<PgliteReply>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
    if (!reply.ok) throw toError(reply.error);
    return reply as PgliteAnswer;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Runs one piece of work at a time: a transaction has the one connection to itself until it ends. */
class Turns {
  private tail: Promise<unknown> = Promise.resolve();

  take<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(work, work);
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}

/** Statements that only read: anything else may have written (a CTE can hide an insert, so `with` counts too). */
const READ_ONLY = /^\s*select\b/i;

function queryable(send: (request: Outgoing, isWrite: boolean) => Promise<PgliteAnswer>): Queryable {
  return {
    query: async <T = Row>(sql: string, params: readonly unknown[] = []) =>
      (await send({ kind: 'query', sql, params: [...params] }, !READ_ONLY.test(sql))).rows as T[],
    exec: async (sql: string) => void (await send({ kind: 'exec', sql }, true)),
    copyIn: async (table, columns, rows) =>
      void (await send({ kind: 'copyIn', table, columns: [...columns], rows }, true)),
    async *copyOut(query) {
      const { bytes } = await send({ kind: 'copyOut', query }, false);
      if (bytes) yield bytes;
    },
  };
}

/**
 * Opens PGlite on `dataDir` (created if missing) or in memory when dataDir is 'memory://', in a worker thread of
 * its own: SQL runs there, so a long statement holds up other statements (PGlite has one connection) but never
 * the API thread's other work — /api/health, answers already cached, parsing the next upload.
 * On Node, PGlite writes straight through to the data directory, so a committed write survives
 * a killed process; it runs with fsync off, so a power loss can lose recent commits.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const workerData: PgliteThreadData = { dataDir: inMemory ? undefined : dataDir };
  const thread = new DatabaseThread(startModuleWorker(import.meta.url, './pglite-thread', { workerData }));
  await thread.ready;
  const turns = new Turns();
  const direct = queryable((request) => thread.send(request));
  // Answers kept current (keepCurrent): refreshed at the end of each turn that may have written, inside it.
  const kept: { read: (q: Queryable) => Promise<unknown>; value: unknown }[] = [];
  const refresh = async () => {
    for (const entry of kept) entry.value = await entry.read(direct).catch(() => undefined);
  };
  // Outside a transaction each statement takes its own turn; inside one, the transaction holds the turn.
  const base = queryable((request, isWrite) =>
    turns.take(async () => {
      try {
        return await thread.send(request);
      } finally {
        if (isWrite) await refresh();
      }
    }),
  );
  return {
    engine: 'pglite',
    ...base,
    transaction: (work, options) =>
      turns.take(async () => {
        try {
          await thread.send({ kind: 'exec', sql: 'begin' });
          let result;
          try {
            result = await work(direct);
          } catch (error) {
            await thread.send({ kind: 'exec', sql: 'rollback' }).catch(() => undefined);
            throw error;
          }
          await thread.send({ kind: 'exec', sql: options?.rollback ? 'rollback' : 'commit' });
          return result;
        } finally {
          await refresh();
        }
      }),
    keepCurrent: <T>(read: (q: Queryable) => Promise<T>) =>
      turns.take(async () => {
        const entry = {
          read: read as (q: Queryable) => Promise<unknown>,
          value: await read(direct).catch(() => undefined),
        };
        kept.push(entry);
        return () => entry.value as T | undefined;
      }),
    close: async () => {
      await turns.take(() => thread.send({ kind: 'close' }));
      await thread.terminate();
    },
  };
}
