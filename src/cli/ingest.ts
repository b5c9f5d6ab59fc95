/**
 * `npm run ingest -- FILE...`: ingests ingest documents (the JSON of seeds/*.json) through the
 * same code path as the `ingest` mutation, one write transaction per file. A directory stands
 * for the .json files in it. Uses the server's configuration: NEO4J_URI, else the local Neo4j
 * in OFFICEGRAPH_DATA_DIR, started for the command and stopped after it.
 *
 * Prints one line per file as it starts and as it finishes, then a summary. A file with
 * problems is reported with every problem (path: message) and leaves the graph untouched;
 * the other files still go in, and the command exits with status 1.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { connectDatabase } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import type { FieldProblem } from '../errors.js';
import { applySchema } from '../graph/applySchema.js';
import { GraphStore } from '../graph/graphStore.js';
import { loadQueries } from '../graph/queries.js';
import { BULK_INGEST_TIMEOUT_MS, ingestDocument } from '../ingest/ingestDocument.js';
import { seedFiles } from '../ingest/loadSeeds.js';
import { createLogger } from '../logger.js';
import { LocalNeo4jError } from '../neo4j/localNeo4j.js';

const USAGE = 'usage: npm run ingest -- FILE_OR_DIRECTORY...   (ingest documents as in seeds/*.json)';

function expandArguments(args: string[]): string[] {
  return args.flatMap((arg) => (statSync(arg).isDirectory() ? seedFiles(arg) : [path.resolve(arg)]));
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const files = expandArguments(args);
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const queries = loadQueries();
  const { driver, local } = await connectDatabase(config, logger);
  const totals = { files: 0, failed: 0, entitiesCreated: 0, entitiesMatched: 0, factsCreated: 0, factsMatched: 0 };
  try {
    const store = new GraphStore(driver, queries, {
      database: config.neo4jDatabase,
      timeoutMs: Math.max(config.queryTimeoutMs, BULK_INGEST_TIMEOUT_MS),
    });
    await applySchema(store, queries);
    for (const [index, file] of files.entries()) {
      const label = `[${index + 1}/${files.length}] ${path.relative(process.cwd(), file) || file}`;
      const started = Date.now();
      print(`${label}: reading ${(statSync(file).size / 1024).toFixed(1)} KiB`);
      try {
        const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
        const result = await ingestDocument(store, document);
        totals.files += 1;
        totals.entitiesCreated += result.entities.created;
        totals.entitiesMatched += result.entities.matched;
        totals.factsCreated += result.facts.created;
        totals.factsMatched += result.facts.matched;
        print(
          `${label}: ${result.sourceCreated ? 'added' : 'already there, refreshed'} ${result.sourceId}: ` +
            `entities ${result.entities.created} new, ${result.entities.matched} matched; ` +
            `facts ${result.facts.created} new, ${result.facts.matched} matched (${Date.now() - started} ms)`,
        );
      } catch (error) {
        totals.failed += 1;
        print(`${label}: NOT ingested, nothing was written`);
        for (const line of describeFailure(error)) print(`  ${line}`);
      }
    }
  } finally {
    await driver.close();
    await local?.stop();
  }
  print(
    `done: ${totals.files} file(s) ingested, ${totals.failed} failed; ` +
      `entities ${totals.entitiesCreated} new, ${totals.entitiesMatched} matched; ` +
      `facts ${totals.factsCreated} new, ${totals.factsMatched} matched`,
  );
  return totals.failed > 0 ? 1 : 0;
}

function describeFailure(error: unknown): string[] {
  if (error instanceof SyntaxError) return [`not valid JSON: ${error.message}`];
  if (error instanceof GraphQLError) {
    const problems = error.extensions.problems as FieldProblem[] | undefined;
    if (problems) return problems.map((problem) => `${problem.path}: ${problem.message}`);
    return [error.message];
  }
  return [(error as Error).message ?? String(error)];
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof LocalNeo4jError) process.stderr.write(`officegraph ingest: ${error.message}\n`);
    else process.stderr.write(`officegraph ingest failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
