/** The accounts and API tokens the users tab reads and changes (src/server/accounts.ts), with their shapes. */
import { queryOptions } from '@tanstack/react-query';
import type { TokenAction } from '../../../../../src/domain/auth/permissions.js';
import { apiGet, apiPatchJson, apiPost, apiPostJson } from '../../../api/client.js';
import type { JsonAnswer, JsonRequest } from '../../../api/types.js';

/** An account as GET /api/users lists it (never its secrets), from the generated API types. */
export type UserAccount = JsonAnswer<'/api/users', 'get'>[number];
export type NewAccountBody = JsonRequest<'/api/users', 'post'>;
export type AccountChange = JsonRequest<'/api/users/{username}', 'patch'>;
/** A token as GET /api/tokens lists it; the token itself is never listed. */
export type ApiToken = JsonAnswer<'/api/tokens', 'get'>[number];
export type NewTokenBody = JsonRequest<'/api/tokens', 'post'>;

/** The party field as the server takes it: letters, digits, - and _, at most 16; empty means none. */
export const PARTY_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

export const usersQuery = (lang: string) =>
  queryOptions({
    queryKey: ['users', lang],
    queryFn: ({ signal }) => apiGet<UserAccount[]>('/users', {}, { signal, lang }),
  });

export const tokensQuery = (lang: string) =>
  queryOptions({
    queryKey: ['tokens', lang],
    queryFn: ({ signal }) => apiGet<ApiToken[]>('/tokens', {}, { signal, lang }),
  });

const userPath = (username: string) => `/users/${encodeURIComponent(username)}`;

/** Creates an account; the answer carries the generated password, shown once. */
export const createAccount = (body: NewAccountBody, lang: string) =>
  apiPostJson<{ account: UserAccount; password: string | null }>('/users', body, { lang });

export const changeAccount = (username: string, change: AccountChange, lang: string) =>
  apiPatchJson<UserAccount>(userPath(username), change, { lang });

export const resetAccountPassword = (username: string, lang: string) =>
  apiPost<{ password: string }>(`${userPath(username)}/password-reset`, { lang });

/** Creates a token; the answer carries the token itself, shown once and never stored. */
export const createToken = (body: NewTokenBody, lang: string) =>
  apiPostJson<{ token: string; info: ApiToken }>('/tokens', body, { lang });

export const revokeToken = (id: number, lang: string) =>
  apiPost<{ revoked: boolean }>(`/tokens/${id}/revoke`, { lang });

/** The words for an account-route refusal the core does not explain, by problem code. */
export const ACCOUNT_PROBLEMS = {
  'account.exists': 'adminUsers.problem.exists',
  'account.last_admin': 'adminUsers.problem.lastAdmin',
} as const;

/** The longest lifetime the server gives a token (MAX_TOKEN_DAYS of src/application/auth/api-tokens.ts). */
export const MAX_TOKEN_DAYS = 366;

/** Each token action's message key (adminTokens.action.*): i18next reads dots as nesting. */
export const TOKEN_ACTION_KEYS = {
  'published.read': 'published_read',
  'data.read': 'data_read',
  'value.import': 'value_import',
  'approval.submit': 'approval_submit',
  'coverage.sites_write': 'coverage_sites_write',
} as const satisfies Record<TokenAction, string>;

export function tokenActionKey(action: string) {
  return action in TOKEN_ACTION_KEYS ? TOKEN_ACTION_KEYS[action as TokenAction] : null;
}
