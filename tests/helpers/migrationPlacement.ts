import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { combinedMigrations, MigrationFolder } from '../../bot/platform/store/migrations/migrationFolder';

/** Each schema object's table and definition, so two snapshots show which tables a migration touched. */
async function schemaObjects(db: Kysely<any>): Promise<Map<string, { table: string; definition: string }>> {
  const rows = await sql<{
    name: string;
    tbl_name: string;
    sql: string | null;
  }>`select name, tbl_name, sql from sqlite_master where substr(tbl_name, 1, 7) <> 'sqlite_'`.execute(db);
  return new Map(rows.rows.map((r) => [r.name, { table: r.tbl_name, definition: r.sql ?? '' }]));
}

/** The tables whose definition, columns or indexes differ between two snapshots. */
function touchedTables(before: Map<string, { table: string; definition: string }>, after: Map<string, { table: string; definition: string }>): Set<string> {
  const touched = new Set<string>();
  for (const [name, object] of after) if (before.get(name)?.definition !== object.definition) touched.add(object.table);
  for (const [name, object] of before) if (!after.has(name)) touched.add(object.table);
  return touched;
}

/** Every source file of the bot but migrations, to see which code uses which table. */
function botSources(): Map<string, string> {
  const root = path.resolve('bot');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.split(path.sep).includes('migrations'));
  return new Map(files.map((f) => [path.join(root, f), fs.readFileSync(path.join(root, f), 'utf8')]));
}

/** The files that name a table as Kysely does ('table', 'table.column', 'table as t'). */
function usersOf(table: string, sources: Map<string, string>): string[] {
  const quoted = new RegExp(`['"\`]${table}['"\`.\\s]`);
  return [...sources].filter(([, text]) => quoted.test(text)).map(([file]) => file);
}

/** The capability whose folder (the migrations folder's parent) holds a file. */
const capabilityOf = (file: string, capabilities: readonly MigrationFolder[]) => capabilities.find((f) => file.startsWith(path.dirname(f.folder) + path.sep));

/**
 * Runs every migration on an empty SQLite database and names those filed in the wrong folder: a
 * capability's migration that touches a table another folder created, or none its own code uses; and a
 * platform migration that touches only one capability's tables (it belongs in that capability's folder).
 */
export async function misfiledMigrations(folders: readonly MigrationFolder[], platform: MigrationFolder): Promise<string[]> {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  const folderOf = new Map(folders.flatMap((f) => Object.keys(f.migrations).map((name) => [name, f] as const)));
  const owner = new Map<string, MigrationFolder>();
  const problems: string[] = [];
  const sources = botSources();
  const capabilities = folders.filter((f) => f !== platform);
  try {
    for (const [name, migration] of Object.entries(combinedMigrations(folders, 'sqlite'))) {
      const folder = folderOf.get(name)!;
      const before = await schemaObjects(db);
      await migration.up(db);
      const after = await schemaObjects(db);
      const touched = [...touchedTables(before, after)];
      for (const table of touched) if (!before.has(table)) owner.set(table, folder);
      const where = path.relative(process.cwd(), folder.folder);
      if (folder === platform) {
        // A table is one capability's when that capability created it, or when only its code uses it.
        const homes = new Set(
          touched.map((t) => {
            const created = owner.get(t);
            if (created && created !== platform) return created;
            const users = usersOf(t, sources).map((file) => capabilityOf(file, capabilities));
            return users.length && users.every((c) => c && c === users[0]) ? users[0] : platform;
          }),
        );
        const [only] = homes;
        if (homes.size === 1 && only !== platform) problems.push(`${name} (${where}) only changes tables of ${path.relative(process.cwd(), only!.folder)}`);
        continue;
      }
      const foreign = touched.filter((t) => owner.get(t) !== folder);
      if (foreign.length) problems.push(`${name} (${where}) changes tables another folder created: ${foreign.join(', ')}`);
      const own = touched.filter((t) => usersOf(t, sources).some((file) => capabilityOf(file, [folder])));
      if (!own.length) problems.push(`${name} (${where}) changes no table its capability's code uses: ${touched.join(', ')}`);
    }
  } finally {
    await db.destroy();
  }
  return problems;
}
