/**
 * Every UI string: the core (vi.ts, en.ts) and one module per feature (features/*.ts, each with the same keys in
 * both languages, checked by its type). A feature adds its module here.
 */
import { en as coreEn } from './en.js';
import * as form from './features/form.js';
import * as overview from './features/overview.js';
import * as indicator from './features/indicator.js';
import * as entry from './features/entry.js';
import * as approval from './features/approval.js';
import * as importing from './features/import.js';
import * as checks from './features/checks.js';
import * as agreement from './features/agreement.js';
import * as admin from './features/admin.js';
import * as account from './features/account.js';
import * as map from './features/map.js';
import * as commune from './features/commune.js';
import * as coverageOperators from './features/coverage-operators.js';
import * as planner from './features/planner.js';
import { vi as coreVi } from './vi.js';

export const viMessages = {
  ...coreVi,
  ...form.vi,
  ...overview.vi,
  ...indicator.vi,
  ...entry.vi,
  ...approval.vi,
  ...importing.vi,
  ...checks.vi,
  ...agreement.vi,
  ...admin.vi,
  ...account.vi,
  ...map.vi,
  ...commune.vi,
  ...coverageOperators.vi,
  ...planner.vi,
};
export type Messages = typeof viMessages;
export const enMessages: Messages = {
  ...coreEn,
  ...form.en,
  ...overview.en,
  ...indicator.en,
  ...entry.en,
  ...approval.en,
  ...importing.en,
  ...checks.en,
  ...agreement.en,
  ...admin.en,
  ...account.en,
  ...map.en,
  ...commune.en,
  ...coverageOperators.en,
  ...planner.en,
};
