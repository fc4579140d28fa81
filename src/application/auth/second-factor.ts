import { Secret, TOTP } from 'otpauth';
import { randomBytes } from 'node:crypto';
import { sha256Hex } from './secrets.js';

const PERIOD_SECONDS = 30;
const ISSUER = 'DX Compact';

function totpFor(secretBase32: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1', // what every authenticator app reads from an otpauth:// URI
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (as a QR code or typed in). */
export function totpUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/**
 * The time step a code belongs to, allowing one step of clock drift either way, or null when the code is wrong.
 * The caller must refuse a step that is not later than the last one used (a replay).
 */
export function totpStep(secretBase32: string, username: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, username).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code (tests and the CLI use it; sign-in never does). */
export function totpCode(secretBase32: string, username: string, now: number): string {
  return totpFor(secretBase32, username).generate({ timestamp: now });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time recovery codes (`xxxxx-xxxxx`, about 49 bits each), shown once; only their hashes are kept. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are compared in their canonical form: lower case, one hyphen, no spaces. */
export function recoveryCodeHash(code: string): string {
  const canonical = code.trim().toLowerCase().replace(/[\s-]/g, '');
  return sha256Hex(`recovery:${canonical.slice(0, 5)}-${canonical.slice(5)}`);
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
