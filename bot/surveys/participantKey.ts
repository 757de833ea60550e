import crypto from 'node:crypto';

/** Bytes of randomness in a wave's secret. */
const SECRET_BYTES = 32;

/** A new per-wave secret, base64: it lives only in the wave's database row and is never logged. */
export function newWaveSecret(): string {
  return crypto.randomBytes(SECRET_BYTES).toString('base64');
}

/**
 * The ledger key for one person in one wave: an HMAC of their user id under the wave's secret.
 * It blocks a second answer and drives reminders; once the secret is destroyed nobody can
 * recompute it, so the ledger can no longer be linked to anyone.
 */
export function participantKey(secret: string, userId: string): string {
  return crypto.createHmac('sha256', Buffer.from(secret, 'base64')).update(userId, 'utf8').digest('hex');
}
