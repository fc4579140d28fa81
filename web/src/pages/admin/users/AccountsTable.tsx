import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../../../src/domain/auth/permissions.js';
import { TableContent } from '../../../components/TableContent.js';
import { currentLang } from '../../../i18n.js';
import { useUnitNames } from './use-unit-names.js';
import type { UserAccount } from './users-api.js';
import { ScrollTable } from '../../../components/ScrollTable.js';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, UserAccount>();

export interface AccountsTableProps {
  accounts: UserAccount[];
  editing: string | null;
  onEdit: (username: string) => void;
}

/** The accounts: username, name, role in words, units by name, state; one "Edit" per row. */
export function AccountsTable({ accounts, editing, onEdit }: AccountsTableProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const unitNames = useUnitNames();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('username', {
          header: () => t('adminUsers.username'),
          cell: (info) => <code>{info.getValue()}</code>,
        }),
        helper.accessor('displayName', { header: () => t('adminUsers.displayName') }),
        helper.accessor('role', {
          header: () => t('adminUsers.role'),
          cell: (info) => ROLE_NAMES[info.getValue()][lang],
        }),
        helper.accessor('units', {
          header: () => t('adminUsers.units'),
          cell: (info) => unitNames(info.getValue()) || t('adminUsers.none'),
        }),
        helper.display({
          id: 'state',
          header: () => t('adminUsers.state'),
          cell: ({ row }) => <AccountState account={row.original} />,
        }),
        helper.display({
          id: 'actions',
          header: () => t('adminUsers.actions'),
          cell: ({ row }) => (
            <button
              type="button"
              className="button button-secondary admin-edit"
              aria-label={t('adminUsers.editLabel', { username: row.original.username })}
              onClick={() => onEdit(row.original.username)}
            >
              {t('adminUsers.edit')}
            </button>
          ),
        }),
      ]),
    [t, lang, unitNames, onEdit],
  );
  const table = useTable({ features, columns, data: accounts, getRowId: (row) => row.username });

  return (
    <ScrollTable label={t('adminUsers.table')} className="admin-table" caption={false}>
      <TableContent table={table} rowProps={(row) => ({ 'aria-current': row.id === editing ? 'true' : undefined })} />
    </ScrollTable>
  );
}

function AccountState({ account }: { account: UserAccount }) {
  const { t } = useTranslation();
  return (
    <span className="admin-tags">
      <span className={account.disabled ? 'tag tag-off' : 'tag'}>
        {account.disabled ? t('adminUsers.disabled') : t('adminUsers.active')}
      </span>
      {account.mustChangePassword && <span className="tag">{t('adminUsers.mustChange')}</span>}
      {account.totpEnabled && <span className="tag">{t('adminUsers.twoFactorOn')}</span>}
      {account.isDemo && <span className="tag tag-demo">{t('adminUsers.demo')}</span>}
    </span>
  );
}
