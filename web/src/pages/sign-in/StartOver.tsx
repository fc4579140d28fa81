import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../../api/session.js';
import { FormProblem } from '../../components/FormProblem.js';
import { currentLang } from '../../i18n.js';

/** Drops a half-finished sign-in (password accepted, second factor owed) to sign in as someone else. */
export function StartOver() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      await sessionStore.signOut({ lang: currentLang() });
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sign-in-start-over">
      <button type="button" className="link-button" onClick={onClick} disabled={busy}>
        {t('signIn.startOver')}
      </button>
      <FormProblem error={error} />
    </div>
  );
}
