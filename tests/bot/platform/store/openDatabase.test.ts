import { expect } from 'chai';
import { droppedElsewhere } from '../../../../bot/platform/store/openDatabase';

describe('openDatabase: migrating while other schemas come and go', () => {
  it('tries again when a table of another schema vanished during Kysely\u2019s catalogue read', () => {
    expect(droppedElsewhere(new Error('relation "t_other.kysely_migration" does not exist'), 't_mine')).to.equal(true);
  });

  it('does not hide a missing table of its own schema', () => {
    expect(droppedElsewhere(new Error('relation "t_mine.kysely_migration" does not exist'), 't_mine')).to.equal(false);
  });

  it('does not retry any other failure', () => {
    expect(droppedElsewhere(new Error('syntax error at or near "create"'), 't_mine')).to.equal(false);
    expect(droppedElsewhere(new Error('relation "profiles" does not exist'), undefined)).to.equal(false);
  });
});
