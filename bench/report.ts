import { formatMs, now } from './stats.js';

/** Plain-text output: every line a benchmark prints goes through here so the run reads as one log. */
export function line(text = ''): void {
  console.log(text);
}

export function heading(text: string): void {
  line();
  line(`== ${text} ==`);
}

/** Runs one step and prints how long it took, so a slow run shows where its time went. */
export async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = now();
  try {
    return await work();
  } finally {
    line(`  [${formatMs(now() - start)}] ${name}`);
  }
}
