/**
 * The session as the web app knows it: who is signed in, what the permission table lets them do, and the CSRF
 * token for writes. One store, read by React through `useSession()` (web/src/session.ts). Every answer of the
 * sign-in routes carries the new state, which replaces the old one and its CSRF token at once.
 */
import type { SessionState } from '../../../src/domain/auth/session-contract.js';
import type { ApiSchemas } from './types.js';
import { apiGet, apiPostJson, onSessionLost, type RequestOptions } from './client.js';
import { setCsrfToken } from './csrf.js';

export type { SessionState };
export type SessionUser = NonNullable<SessionState['user']>;

/** What the public may do, until `/api/auth/me` says otherwise. */
export const ANONYMOUS_STATE: SessionState = {
  signedIn: false,
  signingIn: null,
  user: null,
  permissions: [{ action: 'published.read', scope: 'all' }],
  csrfToken: null,
  sso: null,
};

export interface SessionSnapshot {
  /** `loading` until `/api/auth/me` first answers (or fails). */
  status: 'loading' | 'ready';
  state: SessionState;
  /** Why `/api/auth/me` could not be read; the app then goes on as the public. */
  error: Error | null;
}

/** Two-factor set-up: the secret for the authenticator app, as text and as an otpauth:// URI. */
export type Enrolment = ApiSchemas['Enrolment'];

export interface Credentials {
  username: string;
  password: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

type Listener = () => void;

export interface SessionStore {
  subscribe(listener: Listener): () => void;
  getSnapshot(): SessionSnapshot;
  /** Asks `/api/auth/me` (the public gets an anonymous answer, never a 401). Concurrent calls share one request. */
  load(options?: RequestOptions): Promise<SessionState>;
  signIn(credentials: Credentials, options?: RequestOptions): Promise<SessionState>;
  /** A code from the authenticator app, or a recovery code. */
  submitCode(code: string, options?: RequestOptions): Promise<SessionState>;
  startEnrolment(options?: RequestOptions): Promise<Enrolment>;
  /**
   * Confirms the set-up with a first code; returns the ten recovery codes, shown once. `onRecoveryCodes` gets them
   * just before the completed session is published, in the same tick: a page can show them before it sees the
   * user signed in (and moves on).
   */
  confirmEnrolment(
    code: string,
    options?: RequestOptions & { onRecoveryCodes?: (codes: string[]) => void },
  ): Promise<string[]>;
  /** Changes one's own password, then reads the session again (the forced change is then done). */
  changePassword(change: PasswordChange, options?: RequestOptions): Promise<SessionState>;
  signOut(options?: RequestOptions): Promise<SessionState>;
}

export function createSessionStore(): SessionStore {
  let snapshot: SessionSnapshot = { status: 'loading', state: ANONYMOUS_STATE, error: null };
  let loading: Promise<SessionState> | null = null;
  /** Counts the states applied: an answer of /api/auth/me older than a sign-in step's must not undo it. */
  let version = 0;
  const listeners = new Set<Listener>();

  const publish = (next: SessionSnapshot) => {
    version++;
    snapshot = next;
    setCsrfToken(next.state.csrfToken);
    for (const listener of listeners) listener();
  };
  const apply = (state: SessionState): SessionState => {
    publish({ status: 'ready', state, error: null });
    return state;
  };

  const load = (options: RequestOptions = {}) => {
    const asked = version;
    const stale = () => version !== asked;
    loading ??= apiGet<SessionState>('/auth/me', {}, { lang: options.lang })
      .then(
        (state) => (stale() ? snapshot.state : apply(state)),
        (err: unknown) => {
          if (stale()) return snapshot.state;
          const error = err instanceof Error ? err : new Error(String(err));
          // Unknown who is asking: go on as the public, whose pages need no session.
          publish({ status: 'ready', state: ANONYMOUS_STATE, error });
          return ANONYMOUS_STATE;
        },
      )
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    load,
    signIn: async (credentials, options) => apply(await apiPostJson<SessionState>('/auth/login', credentials, options)),
    submitCode: async (code, options) =>
      apply(await apiPostJson<SessionState>('/auth/second-factor', { code: code.trim() }, options)),
    startEnrolment: (options) => apiPostJson<Enrolment>('/auth/second-factor/enrolment', {}, options),
    async confirmEnrolment(code, { onRecoveryCodes, ...options } = {}) {
      const answer = await apiPostJson<ApiSchemas['EnrolmentConfirmed']>(
        '/auth/second-factor/enrolment/confirm',
        { code: code.trim() },
        options,
      );
      onRecoveryCodes?.(answer.recoveryCodes);
      apply(answer.state);
      return answer.recoveryCodes;
    },
    async changePassword(change, options) {
      await apiPostJson<{ changed: boolean }>('/auth/password', change, options);
      return load(options);
    },
    signOut: async (options) => apply(await apiPostJson<SessionState>('/auth/logout', {}, options)),
  };
}

/** The app's one session; read again whenever a request finds it gone. */
export const sessionStore = createSessionStore();
onSessionLost(() => void sessionStore.load());
