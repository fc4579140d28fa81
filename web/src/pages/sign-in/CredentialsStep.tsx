import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../../api/session.js';
import { FormProblem } from '../../components/FormProblem.js';
import { currentLang } from '../../i18n.js';
import { useSession } from '../../session.js';

/** Username and password; the provincial single sign-on too, when the server has one. */
export function CredentialsStep({ next, ssoError }: { next: string; ssoError: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const { state } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [missing, setMissing] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missingNow = !username.trim() || !password;
    setMissing(missingNow);
    if (missingNow) return;
    setBusy(true);
    setError(null);
    try {
      await sessionStore.signIn({ username: username.trim(), password }, { lang: currentLang() });
      // The session store now holds the next step (or the finished sign-in); the page follows it.
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const problemId = `${id}-problem`;
  return (
    <section className="panel sign-in-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title" tabIndex={-1}>
        {t('signIn.title')}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-describedby={problemId}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-username`}>
            {t('signIn.username')}
          </label>
          <input
            id={`${id}-username`}
            className="input"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={200}
            value={username}
            aria-invalid={missing && !username.trim()}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            {t('signIn.password')}
          </label>
          <input
            id={`${id}-password`}
            className="input"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            maxLength={1000}
            value={password}
            aria-invalid={missing && !password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label className="choice choice-plain">
            <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
            {t('signIn.showPassword')}
          </label>
        </div>
        <div id={problemId} aria-live="polite">
          {missing ? (
            <p className="notice notice-error notice-inline form-problem" role="alert">
              {t('signIn.missing')}
            </p>
          ) : (
            <FormProblem error={error} code={error ? null : ssoError} />
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
          {busy && <span className="spinner spinner-small" aria-hidden="true" />}
        </div>
      </form>
      {state.sso && (
        <div className="sign-in-sso">
          <p className="sign-in-or">{t('signIn.or')}</p>
          <a className="button button-secondary" href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(next)}`}>
            {t('signIn.sso', { label: state.sso.label })}
          </a>
        </div>
      )}
    </section>
  );
}
