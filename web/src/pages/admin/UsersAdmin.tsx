import { useSession } from '../../session.js';
import { can } from '../../permissions.js';
import { ApiTokens } from './users/ApiTokens.js';
import { UserAccounts } from './users/UserAccounts.js';
import './admin-catalogue.css';
import './users/users-admin.css';

/**
 * The users and roles tab: the accounts for who may manage users, the partner systems' API tokens for who may
 * manage tokens (both are the administrator's today; the permission table decides).
 */
export function UsersAdmin() {
  const { state } = useSession();
  return (
    <div className="users-admin">
      {can(state, 'user.manage') && <UserAccounts />}
      {can(state, 'token.manage') && <ApiTokens />}
    </div>
  );
}
