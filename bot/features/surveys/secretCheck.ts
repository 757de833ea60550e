import { Kysely } from 'kysely';
import { DatabaseSchema } from '../../platform/store/schema';
import { PulseKeys } from './pulseKeys';

/** Raised at start-up when the pulse secret differs from the one open pulses were recorded with. */
export class LedgerSecretChanged extends Error {}

const ROW = 'pulse';

/**
 * Checks the server's pulse secret against the fingerprint of the one in use before: the first
 * start records it; a different secret is refused while any pulse has a ledger or waiting answers
 * (they could no longer be matched or opened), and accepted, with the fingerprint updated, when none does.
 */
export async function checkLedgerSecret(db: Kysely<DatabaseSchema>, keys: PulseKeys, at: string): Promise<'recorded' | 'same' | 'changed'> {
  const fingerprint = keys.fingerprint();
  const row = await db.selectFrom('survey_secret_check').select('fingerprint').where('id', '=', ROW).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('survey_secret_check')
      .values({ id: ROW, fingerprint, updated_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return 'recorded';
  }
  if (row.fingerprint === fingerprint) return 'same';
  const inUse =
    (await db.selectFrom('survey_participation').select('survey_id').limit(1).executeTakeFirst()) ??
    (await db.selectFrom('survey_pending').select('survey_id').limit(1).executeTakeFirst());
  if (inUse) {
    throw new LedgerSecretChanged(
      'PULSE_LEDGER_SECRET is not the secret the open pulses were recorded with, so their answers could not be matched or released. Start with the previous secret (or restore data/pulse-ledger.secret), and change it only when no pulse is open.',
    );
  }
  await db.updateTable('survey_secret_check').set({ fingerprint, updated_at: at }).where('id', '=', ROW).execute();
  return 'changed';
}
