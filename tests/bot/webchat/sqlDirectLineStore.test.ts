import { SqlDirectLineStore } from '../../../bot/webchat/sqlDirectLineStore';
import { forEachEngine, openTestDatabase } from '../../helpers/testDatabase';
import { directLineStoreContract } from './directLineStoreContract';

forEachEngine((engine) => {
  directLineStoreContract(engine, async (clock, limits) => {
    const test = await openTestDatabase(engine);
    return { store: new SqlDirectLineStore(test.opened.db, clock.now, limits), close: () => test.cleanup() };
  });
});
