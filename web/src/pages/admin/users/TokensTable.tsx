import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TableContent } from '../../../components/TableContent.js';
import { formatDate } from '../../../format-dates.js';
import { currentLang } from '../../../i18n.js';
import { RevokeToken } from './RevokeToken.js';
import { useUnitNames } from './use-unit-names.js';
import { tokenActionKey, type ApiToken } from './users-api.js';
import { ScrollTable } from '../../../components/ScrollTable.js';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ApiToken>();

/** Active, revoked or past its expiry at `now`. */
function tokenState(token: ApiToken, now: number): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

export interface TokensTableProps {
  tokens: ApiToken[];
  /** When the list was read: a token past its expiry then shows as expired. */
  now: number;
}

/** The partner systems' tokens: name and prefix, units, permissions, expiry, last use, state; revoke per row. */
export function TokensTable({ tokens, now }: TokensTableProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const unitNames = useUnitNames();
  const columns = useMemo(() => {
    return helper.columns([
      helper.accessor('name', {
        header: () => t('adminTokens.name'),
        cell: ({ row }) => (
          <>
            {row.original.name}
            <br />
            <code className="muted">dxc_{row.original.prefix}_…</code>
          </>
        ),
      }),
      helper.accessor('units', { header: () => t('adminTokens.units'), cell: (info) => unitNames(info.getValue()) }),
      helper.accessor('permissions', {
        header: () => t('adminTokens.permissions'),
        cell: (info) =>
          info
            .getValue()
            .map((p) => {
              const key = tokenActionKey(p);
              return key ? t(`adminTokens.action.${key}`) : p;
            })
            .join(', '),
      }),
      helper.accessor('expiresAt', {
        header: () => t('adminTokens.expires'),
        cell: (info) => formatDate(info.getValue(), lang),
      }),
      helper.accessor('lastUsedAt', {
        header: () => t('adminTokens.lastUsed'),
        cell: (info) => {
          const used = info.getValue();
          return used ? formatDate(used, lang) : t('adminTokens.never');
        },
      }),
      helper.display({
        id: 'state',
        header: () => t('adminTokens.state'),
        cell: ({ row }) => {
          const state = tokenState(row.original, now);
          return <span className={state === 'active' ? 'tag' : 'tag tag-off'}>{t(`adminTokens.${state}`)}</span>;
        },
      }),
      helper.display({
        id: 'actions',
        header: () => t('adminUsers.actions'),
        cell: ({ row }) => (tokenState(row.original, now) === 'revoked' ? null : <RevokeToken token={row.original} />),
      }),
    ]);
  }, [t, lang, unitNames, now]);
  const table = useTable({ features, columns, data: tokens, getRowId: (row) => String(row.id) });

  return (
    <ScrollTable label={t('adminTokens.table')} className="admin-table" caption={false}>
      <TableContent table={table} />
    </ScrollTable>
  );
}
