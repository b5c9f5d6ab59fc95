/**
 * `npm run import:popolo -- FILE [--name "…"] [--publisher "…"] [--url …]`: imports a Popolo
 * JSON data set as one source, through the same ingest code path as everything else, in one
 * write transaction (all or nothing; a re-import creates nothing). Uses the server's
 * configuration: NEO4J_URI, else the local Neo4j in OFFICEGRAPH_DATA_DIR, started for the
 * command and stopped after it.
 *
 * Prints the records read per kind, then the ingest result. A bad file (not JSON, not Popolo,
 * records pointing at records that do not exist) is reported with every problem, each named by
 * its record path, and the command exits with status 1 having written nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { connectDatabase } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import type { FieldProblem } from '../errors.js';
import { applySchema } from '../graph/applySchema.js';
import { GraphStore } from '../graph/graphStore.js';
import { loadQueries } from '../graph/queries.js';
import { convertPopolo } from '../import/popolo.js';
import { BULK_INGEST_TIMEOUT_MS, ingestDocument } from '../ingest/ingestDocument.js';
import { createLogger } from '../logger.js';
import { LocalNeo4jError } from '../neo4j/localNeo4j.js';

const USAGE = 'usage: npm run import:popolo -- FILE [--name "Source title"] [--publisher "Publisher"] [--url URL]';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const file = path.resolve(positionals[0] as string);
  print(`reading ${path.relative(process.cwd(), file) || file} (${(statSync(file).size / 1024).toFixed(1)} KiB)`);

  const started = Date.now();
  let conversion;
  try {
    conversion = convertPopolo(readFileSync(file, 'utf8'), { name: values.name, publisher: values.publisher, url: values.url, fileName: file });
  } catch (error) {
    return fail(error);
  }
  const { counts, document } = conversion;
  print(
    `read ${counts.persons} persons, ${counts.organizations} organizations, ${counts.areas} areas, ${counts.events} events, ` +
      `${counts.memberships} memberships; ${counts.posts} posts; converted in ${Date.now() - started} ms`,
  );
  print(`source ${document.source.id}: ${document.entities.length} entities, ${document.facts.length} facts to write`);

  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const queries = loadQueries();
  const { driver, local } = await connectDatabase(config, logger);
  try {
    const store = new GraphStore(driver, queries, {
      database: config.neo4jDatabase,
      timeoutMs: Math.max(config.queryTimeoutMs, BULK_INGEST_TIMEOUT_MS),
    });
    await applySchema(store, queries);
    const writeStarted = Date.now();
    const result = await ingestDocument(store, document);
    print(
      `${result.sourceCreated ? 'added' : 'already there, refreshed'} ${result.sourceId}: ` +
        `entities ${result.entities.created} new, ${result.entities.matched} matched; ` +
        `facts ${result.facts.created} new, ${result.facts.matched} matched; ` +
        `${result.nodesCreated} nodes and ${result.relationshipsCreated} relationships created ` +
        `(ingest ${Date.now() - writeStarted} ms, total ${Date.now() - started} ms)`,
    );
    return 0;
  } catch (error) {
    return fail(error);
  } finally {
    await driver.close();
    await local?.stop();
  }
}

function fail(error: unknown): number {
  if (!(error instanceof GraphQLError)) throw error;
  print('NOT imported, nothing was written');
  const problems = error.extensions.problems as FieldProblem[] | undefined;
  const lines = problems ? problems.map((problem) => `${problem.path}: ${problem.message}`) : [error.message];
  for (const line of lines) process.stderr.write(`  ${line}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof LocalNeo4jError) process.stderr.write(`officegraph import:popolo: ${error.message}\n`);
    else process.stderr.write(`officegraph import:popolo failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
