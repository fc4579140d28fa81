import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, ROLES } from '../../../../../src/domain/auth/permissions.js';
import { FormField } from '../../../components/FormField.js';
import { currentLang } from '../../../i18n.js';
import { AccountProblem } from './AccountProblem.js';
import {
  accountChange,
  accountFormDefaults,
  accountFormSchema,
  newAccountBody,
  type AccountFormInput,
  type AccountFormValues,
} from './account-form-schema.js';
import { PasswordReset } from './PasswordReset.js';
import { UnitChecklist } from './UnitChecklist.js';
import { changeAccount, createAccount, type UserAccount } from './users-api.js';

type AdminUsersKey = 'usernameFormat' | 'required' | 'partyFormat' | 'communeNeedsUnits';

export interface AccountFormProps {
  /** The account being edited; none to create one. */
  account?: UserAccount | undefined;
  /** After saving: the account as it now is, and the generated password of a new one. */
  onSaved: (account: UserAccount, password: string | null) => void;
  onCancel: () => void;
}

/** Creating an account (a password is generated, shown once) or changing one's role, party, units or state. */
export function AccountForm({ account, onSaved, onCancel }: AccountFormProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const form = useForm<AccountFormInput, unknown, AccountFormValues>({
    resolver: zodResolver(accountFormSchema),
    defaultValues: accountFormDefaults(account),
  });
  const save = useMutation({
    mutationFn: async (values: AccountFormValues) =>
      account
        ? { account: await changeAccount(account.username, accountChange(account, values), lang), password: null }
        : createAccount(newAccountBody(values), lang),
    onSuccess: (saved) => onSaved(saved.account, saved.password),
  });
  const { errors } = form.formState;
  const message = (error: { message?: string | undefined } | undefined) =>
    error?.message && t(`adminUsers.${error.message as AdminUsersKey}`);

  return (
    <form
      className="form admin-indicator-form"
      noValidate
      aria-label={account ? t('adminUsers.editTitle', { username: account.username }) : t('adminUsers.createTitle')}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h3 className="admin-form-title">
        {account ? t('adminUsers.editTitle', { username: account.username }) : t('adminUsers.createTitle')}
      </h3>
      <div className="admin-form-grid">
        <FormField
          label={t('adminUsers.username')}
          hint={account ? undefined : t('adminUsers.usernameFormat')}
          error={message(errors.username)}
          required={!account}
        >
          <input
            className="input"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            readOnly={!!account}
            {...form.register('username')}
          />
        </FormField>
        <FormField label={t('adminUsers.displayName')} error={message(errors.displayName)} required>
          <input className="input" type="text" autoComplete="off" {...form.register('displayName')} />
        </FormField>
        <FormField label={t('adminUsers.role')}>
          <select className="input" {...form.register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role][lang]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('adminUsers.party')} hint={t('adminUsers.partyHint')} error={message(errors.party)}>
          <input className="input" type="text" autoComplete="off" maxLength={16} {...form.register('party')} />
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="units"
        render={({ field }) => (
          <UnitChecklist
            legend={t('adminUsers.units')}
            value={field.value}
            onChange={field.onChange}
            error={message(errors.units)}
          />
        )}
      />
      {account && (
        <div className="admin-checks">
          <label className="check">
            <input type="checkbox" {...form.register('disabled')} /> {t('adminUsers.disable')}
          </label>
          {account.totpEnabled && (
            <label className="check">
              <input type="checkbox" {...form.register('resetSecondFactor')} /> {t('adminUsers.resetSecondFactor')}
            </label>
          )}
        </div>
      )}
      {account && <PasswordReset username={account.username} />}
      <AccountProblem error={save.error} />
      <div className="admin-form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('adminUsers.cancel')}
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending
            ? t(account ? 'adminUsers.saving' : 'adminUsers.creating')
            : t(account ? 'adminUsers.save' : 'adminUsers.create')}
        </button>
      </div>
    </form>
  );
}
