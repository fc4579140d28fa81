import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../../api/session.js';
import { FormProblem } from '../../components/FormProblem.js';
import { currentLang } from '../../i18n.js';
import { useSession } from '../../session.js';
import { passwordFormIssue, type PasswordForm } from '../../sign-in-flow.js';

const EMPTY: PasswordForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

/**
 * One's own password change: forced after an administrator set the password (the server then refuses every
 * write until it is done), or by choice from the signed-in account view.
 */
export function PasswordStep({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const username = useSession().state.user?.username ?? '';
  const [form, setForm] = useState<PasswordForm>(EMPTY);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);

  const issue = passwordFormIssue(form, username);
  const set = (field: keyof PasswordForm) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setDone(false);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    if (issue) return;
    setBusy(true);
    setError(null);
    try {
      await sessionStore.changePassword(
        { currentPassword: form.currentPassword, newPassword: form.newPassword },
        { lang: currentLang() },
      );
      setForm(EMPTY);
      setChecked(false);
      setDone(true);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const problemId = `${id}-problem`;
  const field = (name: keyof PasswordForm, label: string, autoComplete: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className="input"
        type="password"
        autoComplete={autoComplete}
        maxLength={1000}
        value={form[name]}
        aria-describedby={name === 'newPassword' ? `${id}-hint` : undefined}
        onChange={(e) => set(name)(e.target.value)}
      />
    </div>
  );

  return (
    <section className="panel sign-in-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title" tabIndex={-1}>
        {forced ? t('signIn.newPassword.heading') : t('signIn.newPassword.changeHeading')}
      </h2>
      {forced && <p className="panel-hint">{t('signIn.newPassword.forced')}</p>}
      <form className="form" onSubmit={onSubmit} noValidate>
        {/* Lets a password manager file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        {field('currentPassword', t('signIn.newPassword.current'), 'current-password')}
        {field('newPassword', t('signIn.newPassword.new'), 'new-password')}
        <p id={`${id}-hint`} className="field-hint">
          {t('signIn.newPassword.hint')}
        </p>
        {field('confirmPassword', t('signIn.newPassword.confirm'), 'new-password')}
        <div id={problemId} aria-live="polite">
          {checked && issue ? (
            <p className="notice notice-error notice-inline form-problem" role="alert">
              {t(`signIn.newPassword.issue.${issue}`)}
            </p>
          ) : (
            <FormProblem error={error} />
          )}
          {done && (
            <p className="notice notice-ok notice-inline" role="status">
              {t('signIn.newPassword.done')}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('signIn.newPassword.submitting') : t('signIn.newPassword.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
