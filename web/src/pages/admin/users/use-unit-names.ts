import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { unitTreeQuery } from '../../../api/queries.js';
import { currentLang } from '../../../i18n.js';
import { findUnit, unitName } from '../../../units.js';

/** Unit codes as names, from the shared unit tree; a code stays a code until the tree is here (or if it fails). */
export function useUnitNames(): (codes: readonly string[]) => string {
  const lang = currentLang();
  const tree = useQuery(unitTreeQuery(lang)).data;
  return useCallback(
    (codes) =>
      codes
        .map((code) => {
          const node = tree ? findUnit(tree, code) : undefined;
          return node ? unitName(node, lang) : code;
        })
        .join(', '),
    [tree, lang],
  );
}
