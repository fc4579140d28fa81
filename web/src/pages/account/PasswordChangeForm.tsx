import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { sessionStore } from '../../api/session.js';
import { FormField } from '../../components/FormField.js';
import { FormProblem } from '../../components/FormProblem.js';
import { currentLang } from '../../i18n.js';
import { problemKey } from '../../problems.js';
import type { PasswordFormIssue } from '../../sign-in-flow.js';
import { fieldOfRefusal, passwordChangeSchema, type PasswordChangeValues } from './password-change-schema.js';

const EMPTY: PasswordChangeValues = { currentPassword: '', newPassword: '', repeatPassword: '' };

/**
 * One's own password change (POST /api/auth/password through the session store, which then reads the session
 * again). A refusal the server ties to a field (wrong current password, policy) is shown on that field.
 */
export function PasswordChangeForm({ username, mustChange }: { username: string; mustChange: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const form = useForm<PasswordChangeValues>({
    resolver: zodResolver(passwordChangeSchema(username)),
    defaultValues: EMPTY,
  });
  const change = useMutation({
    mutationFn: (values: PasswordChangeValues) =>
      sessionStore.changePassword(
        { currentPassword: values.currentPassword, newPassword: values.newPassword },
        { lang: currentLang() },
      ),
    onSuccess: () => form.reset(EMPTY),
    onError: (error) => {
      const code = error instanceof ApiError ? error.code : undefined;
      const field = fieldOfRefusal(code);
      const key = problemKey(code);
      if (field && key)
        form.setError(field, { type: 'server', message: t(`problem.code.${key}`) }, { shouldFocus: true });
    },
  });
  const { errors } = form.formState;
  // Our own checks carry an issue key; the server's refusals carry their words already.
  const message = (error: FieldError | undefined) =>
    error?.message &&
    (error.type === 'server' ? error.message : t(`accountPage.password.issue.${error.message as PasswordFormIssue}`));
  const refusedOnField = change.error instanceof ApiError && fieldOfRefusal(change.error.code) !== null;

  return (
    <section className="panel account-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('accountPage.password.heading')}
      </h2>
      {mustChange && <p className="notice notice-warn notice-inline">{t('accountPage.password.mustChange')}</p>}
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          change.reset();
          change.mutate(values);
        })}
      >
        {/* Lets a password manager file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <FormField label={t('accountPage.password.current')} error={message(errors.currentPassword)} required>
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            maxLength={1000}
            {...form.register('currentPassword', { onChange: () => change.reset() })}
          />
        </FormField>
        <FormField
          label={t('accountPage.password.new')}
          hint={t('accountPage.password.hint')}
          error={message(errors.newPassword)}
          required
        >
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            maxLength={1000}
            {...form.register('newPassword', { onChange: () => change.reset() })}
          />
        </FormField>
        <FormField label={t('accountPage.password.repeat')} error={message(errors.repeatPassword)} required>
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            maxLength={1000}
            {...form.register('repeatPassword', { onChange: () => change.reset() })}
          />
        </FormField>
        <div aria-live="polite">
          {!refusedOnField && <FormProblem error={change.error} />}
          {change.isSuccess && (
            <p className="notice notice-ok notice-inline" role="status">
              {t('accountPage.password.done')}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? t('accountPage.password.submitting') : t('accountPage.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
