import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, Unavailable } from '../domain/errors.js';

/**
 * How much of an expensive kind of work runs at once (`running`) and how many more may wait (`waiting`). Beyond
 * that a request is refused at once with 503 and Retry-After instead of joining a backlog that would keep even
 * /api/health waiting long after the load is gone.
 */
export interface WorkLimit {
  /** Requests sharing a name share the slots (all imports, say). */
  name: string;
  running: number;
  waiting: number;
  /** What a refused client is told to wait, in seconds. */
  retryAfterSeconds: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    workLimit?: WorkLimit;
  }
  interface FastifyRequest {
    /** Aborted when the client goes away before the answer: long work checks it and stops (rolling back). */
    clientGone: AbortSignal;
  }
}

class Gate {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limit: WorkLimit) {}

  /** Resolves with a release function once a slot is free; throws Unavailable when the queue is full too. */
  async enter(signal: AbortSignal): Promise<() => void> {
    if (this.running >= this.limit.running) {
      if (this.queue.length >= this.limit.waiting)
        throw new Unavailable(
          'request.busy',
          `The server is busy with other ${this.limit.name}; try again in ${this.limit.retryAfterSeconds} s`,
          this.limit.retryAfterSeconds,
          { work: this.limit.name, seconds: this.limit.retryAfterSeconds },
        );
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal.removeEventListener('abort', leave);
          resolve();
        };
        const leave = () => {
          const at = this.queue.indexOf(wake);
          if (at >= 0) this.queue.splice(at, 1);
          reject(signal.reason);
        };
        this.queue.push(wake);
        signal.addEventListener('abort', leave, { once: true });
      });
    }
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.queue.shift()?.();
    };
  }
}

const RELEASE = Symbol('release work slot');
type WithRelease = FastifyRequest & { [RELEASE]?: () => void };

/**
 * Gives every request an AbortSignal that fires when its client disconnects before the answer, and holds routes
 * that declare a `workLimit` to it.
 */
export const workLimitsPlugin = fp(
  async (app) => {
    const gates = new Map<string, Gate>();
    app.decorateRequest('clientGone', null as unknown as AbortSignal);
    app.addHook('onRequest', async (request, reply) => {
      const controller = new AbortController();
      request.clientGone = controller.signal;
      // The response closes when it was sent, or when the connection dropped first: only the latter aborts.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished)
          controller.abort(
            new DomainError('request.cancelled', 'The client went away; its work was stopped and rolled back'),
          );
      });
    });
    app.addHook('preHandler', async (request) => {
      const limit = request.routeOptions.config.workLimit;
      if (!limit) return;
      let gate = gates.get(limit.name);
      if (!gate) gates.set(limit.name, (gate = new Gate(limit)));
      (request as WithRelease)[RELEASE] = await gate.enter(request.clientGone);
    });
    const release = async (request: FastifyRequest) => (request as WithRelease)[RELEASE]?.();
    app.addHook('onResponse', release);
    app.addHook('onRequestAbort', release);
    app.addHook('onError', release);
  },
  { name: 'dx-work-limits' },
);

/** Heavy writes (file, batch and DHIS2 imports): one at a time keeps PGlite's single connection free in between. */
export const IMPORT_LIMIT: WorkLimit = { name: 'imports', running: 2, waiting: 8, retryAfterSeconds: 30 };
/** Coverage runs start background work; a handful may be starting at once. */
export const COVERAGE_START_LIMIT: WorkLimit = { name: 'coverage runs', running: 2, waiting: 4, retryAfterSeconds: 60 };
/** Computed reads (overview, roll-ups, map values, data checks) under load. */
export const READ_LIMIT: WorkLimit = { name: 'computed reads', running: 16, waiting: 256, retryAfterSeconds: 5 };
