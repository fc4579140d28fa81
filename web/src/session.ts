/** React's view of the session store (api/session.ts): re-renders when someone signs in or out. */
import { useSyncExternalStore } from 'react';
import { sessionStore, type SessionSnapshot } from './api/session.js';
import { can, type Action } from './permissions.js';

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot, sessionStore.getSnapshot);
}

/** True when the signed-in actor (or the public) may take the action. */
export function useCan(action: Action): boolean {
  return can(useSession().state, action);
}

/**
 * Who is asking, as a key: pages are mounted afresh when it changes, so that what they show (drafts or published
 * figures, buttons) is always that actor's.
 */
export function actorKey(snapshot: SessionSnapshot): string {
  const { state } = snapshot;
  return state.signedIn && state.user ? `user:${state.user.username}` : 'public';
}
