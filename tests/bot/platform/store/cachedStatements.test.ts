import { expect } from 'chai';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { withCachedStatements } from '../../../../bot/platform/store/cachedStatements';

interface Schema {
  notes: { id: number; text: string };
}

describe('withCachedStatements', () => {
  it('prepares a query once and reuses it, with fresh parameters and data each time', async () => {
    const sqlite = new Database(':memory:');
    let prepared = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared++;
      return prepare(text);
    }) as typeof sqlite.prepare;
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withCachedStatements(sqlite) }) });
    await db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('text', 'text')
      .execute();
    for (let i = 1; i <= 20; i++)
      await db
        .insertInto('notes')
        .values({ id: i, text: `note ${i}` })
        .execute();
    const read = (id: number) => db.selectFrom('notes').select('text').where('id', '=', id).executeTakeFirst();
    expect(await read(3)).to.deep.equal({ text: 'note 3' });
    await db.updateTable('notes').set({ text: 'changed' }).where('id', '=', 3).execute();
    expect(await read(3)).to.deep.equal({ text: 'changed' });
    expect(await read(7)).to.deep.equal({ text: 'note 7' });
    // create table, insert, read, update: four texts, however many times each ran.
    expect(prepared).to.equal(4);
    await db.destroy();
  });

  it('sees a column added after the statement was kept', async () => {
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withCachedStatements(new Database(':memory:')) }) });
    await sql`create table notes (id integer primary key)`.execute(db);
    await sql`insert into notes (id) values (1)`.execute(db);
    expect((await sql`select * from notes`.execute(db)).rows).to.deep.equal([{ id: 1 }]);
    await sql`alter table notes add column text text default 'x'`.execute(db);
    expect((await sql`select * from notes`.execute(db)).rows).to.deep.equal([{ id: 1, text: 'x' }]);
    await db.destroy();
  });

  it('keeps at most the configured number of statements, dropping the least recently used', async () => {
    const sqlite = new Database(':memory:');
    const texts: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      texts.push(text);
      return prepare(text);
    }) as typeof sqlite.prepare;
    const cached = withCachedStatements(sqlite, 2);
    cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1');
    cached.prepare('select 3'); // drops "select 2", the least recently used
    cached.prepare('select 1');
    cached.prepare('select 2');
    expect(texts).to.deep.equal(['select 1', 'select 2', 'select 3', 'select 2']);
    cached.close();
  });
});
