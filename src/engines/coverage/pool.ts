import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../start-worker.js';
import { DomainError } from '../../domain/errors.js';
import type {
  InitMessage,
  PackageInitMessage,
  StreamInitMessage,
  TileJob,
  TileReply,
  WorkerInit,
  WorkerReply,
} from './messages.js';
import type { TileSpec } from './predict/predict-tile.js';

/** What a worker answers for a tile predicted on the whole grid (a streamed run's workers answer StreamTileDone). */
type WholeGridTileDone = Exclude<Extract<TileReply, { ok: true }>, { outcome: unknown }>;
type Success = { kind: 'tile'; id: number; ok: true; tile: TileSpec };

/** A worker that exits unasked this many times in a row is not started again; its tiles are refused. */
const MAX_RESTARTS = 3;

interface Task<S extends Success> {
  id: number;
  tile: TileSpec;
  /** The caller's promise was settled (by an abort) before the worker answered. */
  settled: boolean;
  resolve: (reply: S) => void;
  reject: (error: unknown) => void;
}

/** One worker thread and what the pool knows of it; a worker that dies is replaced in the same slot. */
interface Slot<S extends Success> {
  worker: Worker;
  /** Shared with the worker: the id of the tile to give up (see WorkerInit). */
  cancel: Int32Array;
  task: Task<S> | null;
  /** Why every tile on this slot is refused (its init failed, or it kept exiting). */
  failure: DomainError | null;
  restarts: number;
  /** Whatever the worker threw last, to name it when the thread then exits. */
  lastError: Error | null;
  /** Settled when the slot's current task is answered (or at once when idle). */
  idle: Promise<void>;
  markIdle: () => void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The coverage run was aborted', 'AbortError');
}

/**
 * A pool of worker threads predicting tiles. Each worker gets the DEM once (shared memory) and then
 * one tile at a time, so a slow tile does not hold the others up. The API thread never does the work.
 * Every worker keeps its error and exit listeners for its whole life, busy or idle: a worker that dies
 * fails only the tile it held and is started again.
 */
export class CoveragePool<S extends Success = WholeGridTileDone> {
  private readonly slots: Slot<S>[];
  private nextId = 1; // 0 in a cancel flag means "none"
  private closing = false;

  constructor(
    private readonly init: InitMessage | StreamInitMessage | PackageInitMessage,
    size = Math.max(1, availableParallelism()),
  ) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot<S> = {
        worker: null as unknown as Worker,
        cancel: new Int32Array(new SharedArrayBuffer(4)),
        task: null,
        failure: null,
        restarts: 0,
        lastError: null,
        idle: Promise.resolve(),
        markIdle: () => undefined,
      };
      this.startWorker(slot);
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Predicts every tile, calling `onTile` as each finishes (in completion order). Aborting `signal` stops
   * the tiles in progress midway and rejects with the signal's reason (an AbortError unless one was given).
   */
  async run(
    tiles: readonly TileSpec[],
    onTile: (reply: S) => void | Promise<void>,
    signal?: AbortSignal,
  ): Promise<void> {
    const queue = [...tiles];
    let failure: { error: unknown } | null = null;
    const drive = async (slot: Slot<S>) => {
      while (queue.length > 0 && failure === null && !signal?.aborted) {
        const tile = queue.shift()!;
        try {
          await onTile(await this.dispatch(slot, tile, signal));
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(this.slots.map(drive));
    if (signal?.aborted) throw abortReason(signal);
    if (failure !== null) throw (failure as { error: unknown }).error;
  }

  /**
   * Predicts one tile on the first idle worker (callers run at most `size` at once); a worker still
   * stopping a tile its caller gave up on takes it once it has.
   */
  predictOne(tile: TileSpec, signal?: AbortSignal): Promise<S> {
    return this.predictOn(tile, signal);
  }

  /** Predicts one tile from its package's bytes (a pool started with init-packages), as predictOne does. */
  predictPackage(tile: TileSpec, bytes: Uint8Array, signal?: AbortSignal): Promise<S> {
    return this.predictOn(tile, signal, bytes);
  }

  private predictOn(tile: TileSpec, signal?: AbortSignal, bytes?: Uint8Array): Promise<S> {
    const idle = this.slots.filter((s) => s.task === null);
    const slot = idle.find((s) => s.failure === null) ?? idle[0] ?? this.slots.find((s) => s.task?.settled === true);
    if (!slot) return Promise.reject(new Error('every coverage worker is busy'));
    return this.dispatch(slot, tile, signal, bytes);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** The one way a tile reaches a worker: after the tile it holds, if any, is answered. */
  private async dispatch(slot: Slot<S>, tile: TileSpec, signal?: AbortSignal, bytes?: Uint8Array): Promise<S> {
    while (slot.task) await slot.idle;
    if (signal?.aborted) throw abortReason(signal);
    if (slot.failure) throw slot.failure;
    if (this.closing) throw new Error('the coverage pool is closed');
    const id = this.nextId++;
    return new Promise<S>((resolve, reject) => {
      const onAbort = () => {
        Atomics.store(slot.cancel, 0, id); // the worker stops at its next check and answers 'cancelled'
        if (task.settled) return;
        task.settled = true;
        reject(abortReason(signal!));
      };
      const task: Task<S> = {
        id,
        tile,
        settled: false,
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      slot.task = task;
      slot.idle = new Promise((done) => (slot.markIdle = done));
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.worker.postMessage({ kind: 'tile', id, tile, ...(bytes ? { package: bytes } : {}) } satisfies TileJob);
    });
  }

  /** Ends the slot's task: the caller hears of it unless an abort already answered. */
  private finish(slot: Slot<S>, outcome: { reply: S } | { error: unknown }): void {
    const task = slot.task;
    if (!task) return;
    slot.task = null;
    slot.markIdle();
    if (task.settled) return;
    task.settled = true;
    if ('reply' in outcome) task.resolve(outcome.reply);
    else task.reject(outcome.error);
  }

  private startWorker(slot: Slot<S>): void {
    // geotiff's web-worker dependency, loaded in a thread, reads workerData and throws when there is none.
    const worker = startModuleWorker(import.meta.url, './worker', { workerData: {} });
    slot.worker = worker;
    slot.lastError = null;
    Atomics.store(slot.cancel, 0, 0);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'init') {
        slot.failure = new DomainError(reply.error.code, reply.error.message);
        this.finish(slot, { error: slot.failure });
        return;
      }
      const task = slot.task;
      if (!task || reply.id !== task.id) return; // an answer to a tile already given up
      if (reply.ok) {
        slot.restarts = 0;
        this.finish(slot, { reply: reply as unknown as S });
      } else if ('cancelled' in reply) this.finish(slot, { error: new DOMException('tile cancelled', 'AbortError') });
      else
        this.finish(slot, {
          error: new DomainError(reply.error.code, `tile ${task.tile.index}: ${reply.error.message}`),
        });
    });
    worker.on('error', (error: Error) => {
      slot.lastError = error; // the thread exits next; 'exit' reports it
    });
    worker.on('messageerror', (error: Error) => {
      this.finish(slot, {
        error: new DomainError('coverage.worker', `coverage worker reply unreadable: ${error.message}`),
      });
    });
    worker.on('exit', (code: number) => {
      if (slot.worker !== worker) return;
      if (this.closing) {
        this.finish(slot, { error: new DomainError('coverage.worker', 'the coverage pool closed') });
        return;
      }
      const why = slot.lastError ? `failed: ${slot.lastError.message}` : `exited (code ${code})`;
      const during = slot.task ? ` during tile ${slot.task.tile.index}` : ' while idle';
      this.finish(slot, { error: new DomainError('coverage.worker', `coverage worker ${why}${during}`) });
      if (slot.failure) return; // its init failed: a new thread would fail the same way
      if (slot.restarts >= MAX_RESTARTS) {
        slot.failure = new DomainError('coverage.worker', `coverage worker ${why}${during}; not restarted`);
        return;
      }
      slot.restarts += 1;
      this.startWorker(slot);
    });
    worker.postMessage({ ...this.init, cancel: slot.cancel.buffer as SharedArrayBuffer } satisfies WorkerInit);
  }
}
