import { useCallback, useState } from 'react';
import { sessionStore } from '../api/session.js';
import { currentLang } from '../i18n.js';

/**
 * Signing out through the session store (POST /api/auth/logout): the store publishes the public's state, so every
 * screen shows what the public sees. `then` runs after a successful sign-out (the account page leaves itself).
 */
export function useSignOut(then?: () => void) {
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);
  const signOut = useCallback(async () => {
    setSigningOut(true);
    setFailed(false);
    try {
      await sessionStore.signOut({ lang: currentLang() });
      then?.();
    } catch {
      setFailed(true);
    } finally {
      setSigningOut(false);
    }
  }, [then]);
  return { signOut, signingOut, failed };
}
