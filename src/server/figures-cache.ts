import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { figuresStamp } from '../db/stored-aggregates.js';
import { seesAllData } from '../application/published-view.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer is computed from figures only (values, targets, approvals, indicators, units): it is tagged with
     * the figures stamp, answered 304 to a client that has it, and served from memory while the stamp holds.
     */
    figuresCache?: boolean;
  }
}

interface CachedAnswer {
  stamp: number;
  body: string;
  contentType: string;
}

interface Pending {
  key: string;
  stamp: number;
  fromCache: boolean;
}

const PENDING = Symbol('figures cache entry');
type WithPending = FastifyRequest & { [PENDING]?: Pending };

/** Whether If-None-Match names this tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesTag(ifNoneMatch: string | string[] | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  const wanted = strip(tag);
  return [ifNoneMatch]
    .flat()
    .flatMap((header) => header.split(','))
    .some((candidate) => candidate.trim() === '*' || strip(candidate) === wanted);
}

/**
 * Caches the figures routes. The stamp is read before the answer is computed, so an answer is never older than
 * the stamp it is kept under; a change committed meanwhile moves the stamp and the next request recomputes. Each
 * server process keeps its own memory; the stamp, in the database, is shared by all of them.
 */
export const figuresCachePlugin = fp<{ maxBytes?: number }>(
  async (app, options) => {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const cache =
      maxBytes > 0
        ? new LRUCache<string, CachedAnswer>({
            maxSize: maxBytes,
            sizeCalculation: (answer) => answer.body.length + 64,
          })
        : null;
    // On PGlite the stamp is kept current after every write, so a hit needs no database turn (see keepCurrent).
    const keptStamp = app.db.keepCurrent ? await app.db.keepCurrent(figuresStamp) : null;
    const currentStamp = async () => keptStamp?.() ?? figuresStamp(app.db);
    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.routeOptions.config.figuresCache || request.method !== 'GET') return;
      const stamp = await currentStamp();
      // The public's answer leaves out what is not published: it is a different document under another tag.
      const view = seesAllData(request.actor) ? 'all' : 'published';
      const tag = `W/"f${stamp}-${view}"`;
      reply.header('etag', tag).header('cache-control', 'private, no-cache').header('vary', 'Cookie, Authorization');
      if (matchesTag(request.headers['if-none-match'], tag)) return reply.code(304).send();
      const key = `${view} ${request.url}`;
      const hit = cache?.get(key);
      (request as WithPending)[PENDING] = { key, stamp, fromCache: hit?.stamp === stamp };
      if (hit?.stamp === stamp) return reply.type(hit.contentType).send(hit.body);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const pending = (request as WithPending)[PENDING];
      if (cache && pending && !pending.fromCache && reply.statusCode === 200 && typeof payload === 'string') {
        const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
        cache.set(pending.key, { stamp: pending.stamp, body: payload, contentType });
      }
      return payload;
    });
  },
  { name: 'dx-figures-cache' },
);
