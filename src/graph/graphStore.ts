/**
 * The one door to Neo4j. Reads run in read transactions (routable to cluster secondaries),
 * writes in one write transaction each; every transaction has a timeout. A shared bookmark
 * manager keeps read-your-writes across sessions, also on a cluster.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type BookmarkManager, type Transaction } from 'neo4j-driver';
import type { ParamsOf, QueryName, RowOf } from './cypherQueries.js';
import type { QueryTexts } from './queries.js';
import { DatabaseAvailability } from './databaseAvailability.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface GraphStoreOptions {
  database: string | undefined;
  timeoutMs: number;
  /** Called once per query sent, so tests can count round trips. */
  onQuery?: (name: QueryName) => void;
}

export class GraphStore {
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  /** Refuses transactions at once while the database is known to be down (databaseAvailability.ts). */
  readonly availability: DatabaseAvailability;

  constructor(
    readonly driver: Driver,
    private readonly queries: QueryTexts,
    private readonly options: GraphStoreOptions,
  ) {
    this.availability = new DatabaseAvailability(() => this.ping());
  }

  /** Stops the availability probe; call before closing the driver. */
  close(): void {
    this.availability.close();
  }

  /** Runs one named read query in its own read transaction and returns plain rows. */
  async read<Name extends QueryName>(name: Name, params: ParamsOf<Name> = {} as ParamsOf<Name>): Promise<Array<RowOf<Name>>> {
    return this.guarded(async () => {
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.bookmarks,
      });
      try {
        return await session.executeRead((tx) => this.run(tx, name, params), { timeout: this.options.timeoutMs });
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Runs a read query for its plan only: Neo4j compiles and caches the plan, which for the composed
   * statements of src/plan takes seconds the first time. Not reported to onQuery (no request sent it).
   */
  async prepare<Name extends QueryName>(name: Name, params: ParamsOf<Name>): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run(this.queries[name], toCypherValues(params) as Params), { timeout: this.options.timeoutMs * 4 });
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: all of it commits, or none of it. Bulk work (seeds,
   * files) may ask for a longer timeout than interactive requests get. `metadata` is attached to
   * the transaction, where SHOW TRANSACTIONS (metaData) shows it while it runs.
   */
  async write<T>(
    work: (tx: WriteTransaction) => Promise<T>,
    options: { timeoutMs?: number; metadata?: Record<string, string> } = {},
  ): Promise<T> {
    return this.guarded(async () => {
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: neo4j.session.WRITE,
        bookmarkManager: this.bookmarks,
      });
      try {
        return await session.executeWrite(
          (tx) => work({ run: (name, params) => this.runWithSummary(tx, name, params) }),
          { timeout: options.timeoutMs ?? this.options.timeoutMs, metadata: options.metadata },
        );
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Runs `work` in one write transaction and rolls it back, whatever happens: the same writes as
   * `write`, seen from inside, and nothing kept. Dry runs use it to tell what a write would change.
   */
  async writeRolledBack<T>(work: (tx: WriteTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.guarded(async () => {
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: neo4j.session.WRITE,
        bookmarkManager: this.bookmarks,
      });
      const tx = session.beginTransaction({ timeout: options.timeoutMs ?? this.options.timeoutMs });
      try {
        return await work({ run: (name, params) => this.runWithSummary(tx, name, params) });
      } finally {
        if (tx.isOpen()) await tx.rollback();
        await session.close();
      }
    });
  }

  /** Runs a transaction unless the database is known to be down; an outage it meets marks it down. */
  private async guarded<T>(transaction: () => Promise<T>): Promise<T> {
    this.availability.assertUp();
    try {
      return await transaction();
    } catch (error) {
      this.availability.noteFailure(error);
      throw error;
    }
  }

  /** The availability probe: one trivial read, within the connection timeout. */
  private async ping(): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: 1_000 });
    } finally {
      await session.close();
    }
  }

  /** Raw statement execution for schema set-up, which cannot run inside a managed transaction. */
  async runSchemaStatement(statement: string): Promise<void> {
    const session = this.driver.session({ database: this.options.database, bookmarkManager: this.bookmarks });
    try {
      await session.run(statement);
    } finally {
      await session.close();
    }
  }

  private async run<Name extends QueryName>(tx: ManagedTransaction, name: Name, params: ParamsOf<Name>): Promise<Array<RowOf<Name>>> {
    return (await this.runWithSummary(tx, name, params)).rows;
  }

  private async runWithSummary<Name extends QueryName>(
    tx: ManagedTransaction | Transaction,
    name: Name,
    params: ParamsOf<Name>,
  ): Promise<WriteResult<RowOf<Name>>> {
    this.options.onQuery?.(name);
    const result: QueryResult = await tx.run(this.queries[name], toCypherValues(params) as Params);
    const counters = result.summary.counters.updates();
    return { rows: result.records.map((record) => record.toObject() as RowOf<Name>), counters };
  }
}

/**
 * JavaScript numbers travel as floats, which Cypher refuses for LIMIT and friends: whole
 * numbers are sent as Cypher integers.
 */
function toCypherValues(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypherValues);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCypherValues(item)]));
  }
  return value;
}

export interface WriteResult<R = Row> {
  rows: R[];
  counters: { nodesCreated: number; nodesDeleted: number; relationshipsCreated: number; relationshipsDeleted: number; propertiesSet: number };
}

export interface WriteTransaction {
  run<Name extends QueryName>(name: Name, params: ParamsOf<Name>): Promise<WriteResult<RowOf<Name>>>;
}
