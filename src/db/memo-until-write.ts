import type { Database } from './database.js';

/**
 * Keeps `read`'s answer while the database has seen no write since (engines that report their writes: PGlite);
 * other engines read every time. For small, hot answers (the figures stamp) that everything else depends on.
 */
export function memoUntilWrite<T>(db: Database, read: () => Promise<T>): () => Promise<T> {
  const generation = db.writeGeneration;
  if (!generation) return read;
  let kept: { generation: number; value: T } | null = null;
  return async () => {
    const now = generation();
    if (kept && kept.generation === now) return kept.value;
    const value = await read();
    kept = { generation: now, value };
    return value;
  };
}
