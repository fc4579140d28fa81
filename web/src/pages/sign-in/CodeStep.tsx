import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../../api/session.js';
import { FormProblem } from '../../components/FormProblem.js';
import { currentLang } from '../../i18n.js';
import { useSession } from '../../session.js';
import { codeIssue, normaliseCode, type CodeKind } from '../../sign-in-flow.js';
import { StartOver } from './StartOver.js';

/** The second factor: the six digits of the authenticator app, or one of the recovery codes. */
export function CodeStep() {
  const { t } = useTranslation();
  const id = useId();
  const { state } = useSession();
  const [kind, setKind] = useState<CodeKind>('totp');
  const [code, setCode] = useState('');
  const [issue, setIssue] = useState<ReturnType<typeof codeIssue>>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const switchKind = () => {
    setKind((k) => (k === 'totp' ? 'recovery' : 'totp'));
    setCode('');
    setIssue(null);
    setError(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = codeIssue(kind, code);
    setIssue(found);
    if (found) return;
    setBusy(true);
    setError(null);
    try {
      await sessionStore.submitCode(normaliseCode(kind, code), { lang: currentLang() });
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const problemId = `${id}-problem`;
  return (
    <section className="panel sign-in-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title" tabIndex={-1}>
        {t('signIn.code.heading')}
      </h2>
      <p className="panel-hint">
        {kind === 'totp'
          ? t('signIn.code.intro', { username: state.user?.username ?? '' })
          : t('signIn.code.recoveryIntro')}
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-code`}>
            {kind === 'totp' ? t('signIn.code.label') : t('signIn.code.recoveryLabel')}
          </label>
          <input
            key={kind}
            id={`${id}-code`}
            className="input input-code"
            name={kind === 'totp' ? 'one-time-code' : 'recovery-code'}
            type="text"
            inputMode={kind === 'totp' ? 'numeric' : 'text'}
            autoComplete={kind === 'totp' ? 'one-time-code' : 'off'}
            autoCapitalize="none"
            spellCheck={false}
            maxLength={16}
            value={code}
            aria-invalid={issue !== null}
            aria-describedby={problemId}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div id={problemId} aria-live="polite">
          {issue ? (
            <p className="notice notice-error notice-inline form-problem" role="alert">
              {t(`signIn.code.${issue}`)}
            </p>
          ) : (
            <FormProblem error={error} />
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('signIn.code.submitting') : t('signIn.code.submit')}
          </button>
          <button type="button" className="link-button" onClick={switchKind}>
            {kind === 'totp' ? t('signIn.code.useRecovery') : t('signIn.code.useTotp')}
          </button>
        </div>
      </form>
      <StartOver />
    </section>
  );
}
