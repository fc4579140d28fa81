import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TOKEN_ACTIONS } from '../../../../../src/domain/auth/permissions.js';
import { FormField } from '../../../components/FormField.js';
import { currentLang } from '../../../i18n.js';
import { AccountProblem } from './AccountProblem.js';
import { UnitChecklist } from './UnitChecklist.js';
import { createToken, MAX_TOKEN_DAYS, PARTY_PATTERN, TOKEN_ACTION_KEYS, type ApiToken } from './users-api.js';

/** Messages are keys of adminTokens.* (or adminUsers.* for the shared ones), worded by the form. */
const schema = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  party: z
    .string()
    .trim()
    .refine((v) => v === '' || PARTY_PATTERN.test(v), 'partyFormat'),
  units: z.array(z.string()).min(1, 'needUnits').max(500),
  permissions: z.array(z.enum(TOKEN_ACTIONS)).nonempty('needPermissions'),
  expiresInDays: z.preprocess(
    (v) => (v === '' ? NaN : Number(v)),
    z.number({ error: 'daysRange' }).int('daysRange').min(1, 'daysRange').max(MAX_TOKEN_DAYS, 'daysRange'),
  ),
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;
type MessageKey = 'adminUsers.required' | 'adminUsers.partyFormat' | `adminTokens.${'needUnits' | 'needPermissions'}`;

export interface TokenFormProps {
  onCreated: (token: string, info: ApiToken) => void;
  onCancel: () => void;
}

/** A token for a partner system: its name, party, units, permissions and lifetime (90 days unless changed). */
export function TokenForm({ onCreated, onCancel }: TokenFormProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', party: '', units: [], permissions: ['value.import'], expiresInDays: '90' },
  });
  const create = useMutation({
    // The schema has checked that a permission is chosen; the API's type says so with a non-empty tuple.
    mutationFn: ({ permissions: [first, ...rest], ...values }: Values) =>
      createToken({ ...values, permissions: [first!, ...rest], party: values.party || null }, lang),
    onSuccess: (created) => onCreated(created.token, created.info),
  });
  const { errors } = form.formState;
  const message = (error: { message?: string | undefined } | undefined): string | undefined => {
    if (!error?.message) return undefined;
    if (error.message === 'daysRange') return t('adminTokens.daysRange', { max: MAX_TOKEN_DAYS });
    const key = (['required', 'partyFormat'].includes(error.message) ? 'adminUsers.' : 'adminTokens.') + error.message;
    return t(key as MessageKey);
  };

  return (
    <form
      className="form admin-indicator-form"
      noValidate
      aria-label={t('adminTokens.createTitle')}
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <h3 className="admin-form-title">{t('adminTokens.createTitle')}</h3>
      <div className="admin-form-grid">
        <FormField label={t('adminTokens.name')} error={message(errors.name)} required>
          <input className="input" type="text" autoComplete="off" maxLength={100} {...form.register('name')} />
        </FormField>
        <FormField label={t('adminTokens.party')} hint={t('adminUsers.partyHint')} error={message(errors.party)}>
          <input className="input" type="text" autoComplete="off" maxLength={16} {...form.register('party')} />
        </FormField>
        <FormField
          label={t('adminTokens.expiresInDays')}
          hint={t('adminTokens.expiresHint', { max: MAX_TOKEN_DAYS })}
          error={message(errors.expiresInDays)}
          required
        >
          <input className="input" type="text" inputMode="numeric" {...form.register('expiresInDays')} />
        </FormField>
      </div>
      <fieldset className="admin-checks" aria-invalid={!!errors.permissions}>
        <legend className="field-label">{t('adminTokens.permissions')}</legend>
        {TOKEN_ACTIONS.map((action) => (
          <label key={action} className="check">
            <input type="checkbox" value={action} {...form.register('permissions')} />{' '}
            {t(`adminTokens.action.${TOKEN_ACTION_KEYS[action]}`)}
          </label>
        ))}
        {errors.permissions && (
          <p className="field-error" role="alert">
            {message(errors.permissions)}
          </p>
        )}
      </fieldset>
      <Controller
        control={form.control}
        name="units"
        render={({ field }) => (
          <UnitChecklist
            legend={t('adminTokens.units')}
            value={field.value}
            onChange={field.onChange}
            error={message(errors.units)}
          />
        )}
      />
      <AccountProblem error={create.error} />
      <div className="admin-form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('adminTokens.cancel')}
        </button>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('adminTokens.creating') : t('adminTokens.create')}
        </button>
      </div>
    </form>
  );
}
