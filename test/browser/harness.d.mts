/** Types of the parts of harness.mjs that TypeScript callers (the frontend benchmark) use. */
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export interface RunningServer {
  origin: string;
  dataDir: string;
  child: ChildProcess;
  log: string;
}
export const ROOT: string;
export const PHONE: { width: number; height: number };
export const DESKTOP: { width: number; height: number };
export function startServer(extraEnv?: Record<string, string>): Promise<RunningServer>;
export function stopServer(server: RunningServer): Promise<void>;
export function launchBrowser(): Promise<Browser>;
