import { ColumnDefinitionBuilder } from 'kysely';

/** The database engines the store runs on. */
export type Engine = 'sqlite' | 'postgres';

/** An auto-numbered primary key, which each engine spells its own way. */
export function idColumn(engine: Engine): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engine === 'sqlite' ? (c) => c.primaryKey().autoIncrement() : (c) => c.primaryKey().generatedByDefaultAsIdentity();
}
