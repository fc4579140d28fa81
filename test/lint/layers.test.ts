import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

/** The import boundaries the layout promises, as `npm run lint` enforces them. */
const eslint = new ESLint();
const problems = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports');

it.each([
  ['src/domain/example.ts', "import { findUnit } from '../db/org-units.js';\nexport const f = findUnit;\n"],
  ['src/db/example.ts', "import { buildApp } from '../server/app.js';\nexport const f = buildApp;\n"],
  [
    'src/engines/example.ts',
    "import { writeValuesAs } from '../application/write-values.js';\nexport const f = writeValuesAs;\n",
  ],
  ['src/application/example.ts', "import { buildApp } from '../server/app.js';\nexport const f = buildApp;\n"],
  ['web/src/example.ts', "import { findUnit } from '../../src/db/org-units.js';\nexport const f = findUnit;\n"],
])('refuses a wrong arrow from %s', async (file, code) => {
  expect(await problems(file, code)).toHaveLength(1);
});

it.each([
  ['src/server/example.ts', "import { findUnit } from '../db/org-units.js';\nexport const f = findUnit;\n"],
  [
    'web/src/example.ts',
    "import type { ErrorCode } from '../../src/domain/error-codes.js';\nexport type C = ErrorCode;\n",
  ],
])('allows the arrows that point inward, from %s', async (file, code) => {
  expect(await problems(file, code)).toEqual([]);
});
