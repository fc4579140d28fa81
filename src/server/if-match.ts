import type { FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../domain/errors.js';

/** A stored version as an HTTP entity tag. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/**
 * The version a write expects, from If-Match ("12" or W/"12"), If-None-Match: * (expects nothing stored: 0),
 * or a version in the body; undefined when the client states none.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion?: number | null): number | undefined {
  const ifMatch = request.headers['if-match'];
  if (typeof ifMatch === 'string' && ifMatch.trim() !== '*') {
    const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(ifMatch);
    if (!match)
      throw new Invalid('request.invalid', 'If-Match must be one entity tag such as "12", as the ETag header gave it', [
        { path: 'headers.if-match', message: 'not an entity tag' },
      ]);
    return Number(match[1]);
  }
  if (request.headers['if-none-match'] === '*') return 0;
  return bodyVersion ?? undefined;
}

export function sendVersioned(reply: FastifyReply, version: number, body: unknown) {
  return reply.header('etag', versionTag(version)).header('cache-control', 'private, no-cache').send(body);
}
