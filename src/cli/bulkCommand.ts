/**
 * What the bulk commands (`npm run ingest`, `npm run import:…`) share: a store on the
 * server's configured database (NEO4J_URI, else the local Neo4j in OFFICEGRAPH_DATA_DIR, started
 * for the command and stopped after it) with the bulk-ingest timeout, the lines that report an
 * ingest result or a rejected document, and the way the process exits.
 */
import { GraphQLError } from 'graphql';
import { connectDatabase } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import type { FieldProblem } from '../errors.js';
import { applySchema } from '../graph/applySchema.js';
import { GraphStore } from '../graph/graphStore.js';
import { loadQueries } from '../graph/queries.js';
import { BULK_INGEST_TIMEOUT_MS, type IngestResult } from '../ingest/ingestDocument.js';
import { chooseLogFormat, createLogger } from '../logger.js';
import { LocalNeo4jError } from '../neo4j/localNeo4j.js';

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs `work` on a store with the schema applied; closes the driver and stops a local Neo4j after it. */
export async function withBulkStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, chooseLogFormat(config.logFormat, Boolean(process.stdout.isTTY)));
  const queries = loadQueries();
  const { driver, local } = await connectDatabase(config, logger);
  const store = new GraphStore(driver, queries, {
    database: config.neo4jDatabase,
    timeoutMs: Math.max(config.queryTimeoutMs, BULK_INGEST_TIMEOUT_MS),
  });
  try {
    await applySchema(store, queries);
    return await work(store);
  } finally {
    store.close();
    await driver.close();
    await local?.stop();
  }
}

/** "added source:…: entities 1 new, 6 matched; facts 5 new, 4 matched" */
export function describeResult(result: IngestResult): string {
  return (
    `${result.sourceCreated ? 'added' : 'already there, refreshed'} ${result.sourceId}: ` +
    `entities ${result.entities.created} new, ${result.entities.matched} matched; ` +
    `facts ${result.facts.created} new, ${result.facts.matched} matched`
  );
}

/** A rejected document's problems (or a list of problems), one `path: message` line each. */
export function problemLines(error: GraphQLError | FieldProblem[]): string[] {
  const problems = Array.isArray(error) ? error : (error.extensions.problems as FieldProblem[] | undefined);
  return problems ? problems.map((problem) => `${problem.path}: ${problem.message}`) : [(error as GraphQLError).message];
}

/** What a bulk command says when it refuses a file for its invalid records. */
export const SKIP_INVALID_HINT = 'Run again with --skip-invalid to import the other records and list the skipped ones.';

/** Exits with main's status; configuration and Neo4j start-up errors as one sentence, anything else with its stack. */
export function runCommand(name: string, main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof LocalNeo4jError) process.stderr.write(`officegraph ${name}: ${error.message}\n`);
      else process.stderr.write(`officegraph ${name} failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
