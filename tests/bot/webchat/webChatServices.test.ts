import { expect } from 'chai';
import { ConfigError } from '../../../bot/platform/config';
import { OpenDatabase } from '../../../bot/platform/store/openDatabase';
import { createWebChatServices } from '../../../bot/webchat/webChatServices';
import { fixedClock, silentLogger, testConfig } from '../../helpers/testServices';

/** A database that must not be touched: the settings are refused before anything is opened or written. */
const untouchable = new Proxy({}, { get: () => expect.fail('the database was used') }) as unknown as OpenDatabase;

describe('createWebChatServices', () => {
  const postgres = { DATABASE_URL: 'postgres://bot@db.internal/staffbot' };
  const build = (env: Record<string, string>) =>
    createWebChatServices({ config: testConfig(env), now: fixedClock, database: untouchable, logger: silentLogger, eraseUser: async () => undefined });

  it('stops start-up when the built-in endpoint would run on PostgreSQL without a shared token key, naming the setting', () => {
    let error: unknown;
    try {
      build(postgres);
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as Error).message).to.match(/DIRECT_LINE_TOKEN_SECRET: required when DATABASE_URL is set/);
  });
});
