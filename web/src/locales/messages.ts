/**
 * Every UI string: the core (vi.ts, en.ts) and one module per feature (features/*.ts, each with the same keys in
 * both languages, checked by its type). A feature adds its module here.
 */
import { en as coreEn } from './en.js';
import * as form from './features/form.js';
import { vi as coreVi } from './vi.js';

export const viMessages = { ...coreVi, ...form.vi };
export type Messages = typeof viMessages;
export const enMessages: Messages = { ...coreEn, ...form.en };
