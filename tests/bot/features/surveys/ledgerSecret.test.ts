import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { LEDGER_SECRET_FILE, resolveLedgerSecret } from '../../../../bot/features/surveys/ledgerSecret';
import { PulseKeys } from '../../../../bot/features/surveys/pulseKeys';
import { checkLedgerSecret, LedgerSecretChanged } from '../../../../bot/features/surveys/secretCheck';
import { openTestDatabase } from '../../../helpers/testDatabase';

describe('the pulse secret', () => {
  it('comes from PULSE_LEDGER_SECRET when set, and writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    expect(resolveLedgerSecret({ configured: 'x'.repeat(32), dataDir: dir, inMemory: false })).to.deep.include({ source: 'environment' });
    expect(fs.readdirSync(dir)).to.deep.equal([]);
  });

  it('is generated once for a SQLite data folder, readable by its owner only, and read back on the next start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const first = resolveLedgerSecret({ dataDir: dir, inMemory: false });
    expect(first.source).to.equal('generated-file');
    expect(fs.statSync(path.join(dir, LEDGER_SECRET_FILE)).mode & 0o777).to.equal(0o600);
    const again = resolveLedgerSecret({ dataDir: dir, inMemory: false });
    expect(again.source).to.equal('file');
    expect(again.secret.equals(first.secret)).to.equal(true);
    fs.writeFileSync(path.join(dir, LEDGER_SECRET_FILE), 'short');
    expect(() => resolveLedgerSecret({ dataDir: dir, inMemory: false })).to.throw(/does not hold a pulse secret/);
  });

  it('stops start-up when it changed while a pulse has a ledger, and is accepted again once none has', async () => {
    const test = await openTestDatabase('sqlite');
    try {
      const db = test.opened.db;
      const old = new PulseKeys(Buffer.from('the-first-secret-of-32-characters-long'));
      const changed = new PulseKeys(Buffer.from('the-second-secret-of-32-characters-long'));
      expect(await checkLedgerSecret(db, old, '2026-11-23T10:00:00.000Z')).to.equal('recorded');
      expect(await checkLedgerSecret(db, old, '2026-11-23T10:00:00.000Z')).to.equal('same');
      await db
        .insertInto('survey_participation')
        .values({ survey_id: 1, participant: old.participant(1, 'aad:x') })
        .execute();
      const refused = await checkLedgerSecret(db, changed, '2026-11-23T10:00:00.000Z').catch((err: unknown) => err);
      expect(refused).to.be.instanceOf(LedgerSecretChanged);
      expect((refused as Error).message).to.match(/PULSE_LEDGER_SECRET is not the secret the open pulses were recorded with/);
      await db.deleteFrom('survey_participation').execute();
      expect(await checkLedgerSecret(db, changed, '2026-11-23T10:00:00.000Z')).to.equal('changed');
      expect(await checkLedgerSecret(db, changed, '2026-11-23T10:00:00.000Z')).to.equal('same');
    } finally {
      await test.cleanup();
    }
  });
});
