import { expect, it } from 'vitest';
import { parentsFirst, type BackupTable, type ForeignKey } from './backup-tables.js';

const table = (name: string): BackupTable => ({ name, columns: [], key: [] });
const fk = (child: string, parent: string): ForeignKey => ({
  name: `${child}_${parent}_fkey`,
  table: child,
  references: parent,
  deferrable: false,
});
const order = (names: string[], keys: ForeignKey[]) => parentsFirst(names.map(table), keys).map((t) => t.name);

it('puts every table after the tables it references, ties by name', () => {
  expect(
    order(
      ['indicator_value', 'org_unit', 'period', 'indicator', 'agreement_area', 'agreement'],
      [
        fk('indicator_value', 'indicator'),
        fk('indicator_value', 'org_unit'),
        fk('indicator_value', 'period'),
        fk('indicator', 'agreement_area'),
        fk('agreement_area', 'agreement'),
        fk('agreement', 'org_unit'),
      ],
    ),
  ).toEqual(['org_unit', 'period', 'agreement', 'agreement_area', 'indicator', 'indicator_value']);
});

it('ignores self-references and puts tables in a cycle last, by name', () => {
  expect(order(['b', 'a', 'c', 'tree'], [fk('tree', 'tree'), fk('a', 'b'), fk('b', 'a'), fk('a', 'c')])).toEqual([
    'c',
    'tree',
    'a',
    'b',
  ]);
});
