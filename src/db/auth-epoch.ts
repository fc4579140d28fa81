/**
 * Moves on whenever this process changes what makes a session valid (a session ended, an account's role, units,
 * password or second factor changed). Caches of sessions in this process key on it; they are only kept for an
 * engine this process alone writes to (PGlite), where no other process can change those rows behind its back.
 */
let epoch = 0;

export function accountsChanged(): void {
  epoch += 1;
}

export function accountsEpoch(): number {
  return epoch;
}
