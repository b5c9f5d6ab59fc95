/**
 * `npm run import:popolo -- FILE [--name "…"] [--publisher "…"] [--url …]`: imports a Popolo
 * JSON data set as one source, through the same ingest code path as everything else, in one
 * write transaction (all or nothing; a re-import creates nothing). Uses the server's
 * configuration (see bulkCommand.ts).
 *
 * Prints the records read per kind, then the ingest result. A bad file (not JSON, not Popolo,
 * records pointing at records that do not exist) is reported with every problem, each named by
 * its record path, and the command exits with status 1 having written nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { convertPopolo } from '../import/popolo.js';
import { ingestDocument } from '../ingest/ingestDocument.js';
import { describeResult, print, problemLines, runCommand, withBulkStore } from './bulkCommand.js';

const USAGE = 'usage: npm run import:popolo -- FILE [--name "Source title"] [--publisher "Publisher"] [--url URL]';

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

  return withBulkStore(async (store) => {
    const writeStarted = Date.now();
    try {
      const result = await ingestDocument(store, document);
      print(
        `${describeResult(result)}; ` +
          `${result.nodesCreated} nodes and ${result.relationshipsCreated} relationships created ` +
          `(ingest ${Date.now() - writeStarted} ms, total ${Date.now() - started} ms)`,
      );
      return 0;
    } catch (error) {
      return fail(error);
    }
  });
}

function fail(error: unknown): number {
  if (!(error instanceof GraphQLError)) throw error;
  print('NOT imported, nothing was written');
  for (const line of problemLines(error)) process.stderr.write(`  ${line}\n`);
  return 1;
}

runCommand('import:popolo', main);
