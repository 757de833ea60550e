import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely';

/** The open unit of work of one async call chain: its transaction's connection and how deeply it is nested. */
interface Unit {
  connection?: DatabaseConnection;
  depth: number;
}

const units = new AsyncLocalStorage<Unit>();

/**
 * A driver that lets every query of an open unit of work run on that unit's transaction, so
 * repositories holding the root database join it without being handed a transaction (and, on
 * SQLite's single connection, never wait for the transaction they are part of).
 */
class JoiningDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return units.getStore()?.connection ?? this.inner.acquireConnection();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const unit = units.getStore();
    if (unit && unit.connection === connection) {
      // A transaction opened inside the unit becomes a savepoint, so its rollback undoes only its own writes.
      await connection.executeQuery(CompiledQuery.raw(`savepoint unit_${++unit.depth}`));
      return;
    }
    await this.inner.beginTransaction(connection, settings);
    if (unit && !unit.connection) unit.connection = connection;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const unit = units.getStore();
    if (unit?.connection === connection && unit.depth > 0) {
      await connection.executeQuery(CompiledQuery.raw(`release savepoint unit_${unit.depth--}`));
      return;
    }
    if (unit?.connection === connection) unit.connection = undefined;
    await this.inner.commitTransaction(connection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const unit = units.getStore();
    if (unit?.connection === connection && unit.depth > 0) {
      await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint unit_${unit.depth--}`));
      return;
    }
    if (unit?.connection === connection) unit.connection = undefined;
    await this.inner.rollbackTransaction(connection);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (units.getStore()?.connection === connection) return;
    await this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** A dialect whose queries join the open unit of work (every database the store opens uses it). */
export function joiningDialect(inner: Dialect): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new JoiningDriver(inner.createDriver()),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

/**
 * Runs `work` as one unit of work: every query it makes through `db` (or any repository over it)
 * commits together, or rolls back together when it throws. Inside another unit it joins that one.
 */
export async function inTransaction<T, DB>(db: Kysely<DB>, work: () => Promise<T>): Promise<T> {
  const outer = units.getStore();
  const run = () =>
    db.transaction().execute(async () => {
      if (!units.getStore()?.connection) throw new Error('This database was not opened with joiningDialect, so its queries cannot join a unit of work.');
      return work();
    });
  return outer?.connection ? run() : units.run({ depth: 0 }, run);
}
