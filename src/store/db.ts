// One Prisma client per provider behind one type, chosen by DATABASE_URL
// (each provider has its own generated client: see docs/database.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "../generated/pg/client.js";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";

/** Both generated clients expose the same model API. */
export type Db = SqliteClient;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: serializingTransactions(new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS })) });
}

/** How long a query waits for another process's write lock on the SQLite file before it fails. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * WAL: readers never wait for the writer (another process on the same file, a job worker), and a
 * commit appends to the log instead of rewriting pages; synchronous NORMAL is WAL's usual pairing
 * (a commit survives a crash of the process; only a power loss may take back the last ones).
 */
const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * SQLite has one connection: a query sent while another request's transaction is open would run
 * inside that transaction and be rolled back with it. The adapter serializes transactions among
 * themselves only; here every query outside a transaction also waits until none is open, so each
 * write belongs to its own request's transaction alone.
 */
function serializingTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  let tail = Promise.resolve();
  /** Resolves when every earlier holder has released; the caller releases with the function it gets. */
  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    const previous = tail;
    tail = previous.then(() => released);
    await previous;
    return release;
  };
  const outside = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  const serialize = (adapter: SqliteAdapter): SqliteAdapter => Object.assign(Object.create(adapter) as SqliteAdapter, {
    queryRaw: (query: Parameters<SqliteAdapter["queryRaw"]>[0]) => outside(() => adapter.queryRaw(query)),
    executeRaw: (query: Parameters<SqliteAdapter["executeRaw"]>[0]) => outside(() => adapter.executeRaw(query)),
    executeScript: (script: string) => outside(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel?: Parameters<SqliteAdapter["startTransaction"]>[0]) {
      const release = await acquire();
      try {
        const transaction = await adapter.startTransaction(isolationLevel);
        const end = (finish: () => Promise<void>) => async () => {
          try {
            await finish();
          } finally {
            release();
          }
        };
        return Object.assign(Object.create(transaction) as typeof transaction, {
          commit: end(() => transaction.commit()),
          rollback: end(() => transaction.rollback()),
        });
      } catch (error) {
        release();
        throw error;
      }
    },
  });
  return Object.assign(Object.create(factory) as PrismaBetterSQLite3, {
    connect: async () => {
      const adapter = await factory.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      return serialize(adapter);
    },
  });
}

/** The client inside `$transaction`: repositories take either. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbClient = Db | DbTransaction;
