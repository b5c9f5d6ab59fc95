/**
 * `npm run ingest -- FILE...`: ingests ingest documents (the JSON of seeds/*.json) through the
 * same code path as the `ingest` mutation, one write transaction per file. A directory stands
 * for the .json files in it. Uses the server's configuration (see bulkCommand.ts).
 *
 * Prints one line per file as it starts and as it finishes, then a summary. A file with
 * problems is reported with every problem (path: message) and leaves the graph untouched;
 * the other files still go in, and the command exits with status 1.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { ingestDocument } from '../ingest/ingestDocument.js';
import type { FactChange, HeldInterval, IngestChanges } from '../ingest/dryRun.js';
import { seedFiles } from '../ingest/loadSeeds.js';
import { describeResult, print, problemLines, runCommand, withBulkStore } from './bulkCommand.js';

const USAGE =
  'usage: npm run ingest -- FILE_OR_DIRECTORY...   (ingest documents as in seeds/*.json)\n' +
  '       npm run ingest -- --dry-run FILE_OR_DIRECTORY...   (write nothing; list what would change)';

function expandArguments(args: string[]): string[] {
  return args.flatMap((arg) => (statSync(arg).isDirectory() ? seedFiles(arg) : [path.resolve(arg)]));
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  // --dry-run: every file is written in a transaction that is rolled back; nothing is kept.
  const dryRun = args.includes('--dry-run');
  const files = expandArguments(args.filter((arg) => arg !== '--dry-run'));
  const totals = { files: 0, failed: 0, entitiesCreated: 0, entitiesMatched: 0, factsCreated: 0, factsMatched: 0 };
  await withBulkStore(async (store) => {
    for (const [index, file] of files.entries()) {
      const label = `[${index + 1}/${files.length}] ${path.relative(process.cwd(), file) || file}`;
      const started = Date.now();
      print(`${label}: reading ${(statSync(file).size / 1024).toFixed(1)} KiB`);
      try {
        const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
        const result = await ingestDocument(store, document, { dryRun });
        totals.files += 1;
        totals.entitiesCreated += result.entities.created;
        totals.entitiesMatched += result.entities.matched;
        totals.factsCreated += result.facts.created;
        totals.factsMatched += result.facts.matched;
        print(`${label}: ${dryRun ? 'DRY RUN, nothing written: would have ' : ''}${describeResult(result)} (${Date.now() - started} ms)`);
        if ('changes' in result) for (const line of describeChanges(result.changes)) print(`  ${line}`);
      } catch (error) {
        totals.failed += 1;
        print(`${label}: NOT ingested, nothing was written`);
        for (const line of describeFailure(error)) print(`  ${line}`);
      }
    }
  });
  print(
    `done${dryRun ? ' (dry run, nothing written)' : ''}: ${totals.files} file(s) ${dryRun ? 'checked' : 'ingested'}, ${totals.failed} failed; ` +
      `entities ${totals.entitiesCreated} new, ${totals.entitiesMatched} matched; ` +
      `facts ${totals.factsCreated} new, ${totals.factsMatched} matched`,
  );
  return totals.failed > 0 ? 1 : 0;
}

/** One line per change a dry run found. */
function describeChanges(changes: IngestChanges): string[] {
  const fact = (change: FactChange) => `${change.type} ${change.source} -> ${change.target}${change.role ? ` (${change.role})` : ''}`;
  const interval = (value: HeldInterval | null) => (value ? `${value.heldFrom ?? '?'}..${value.heldTo ?? ''}` : 'none');
  return [
    ...changes.entitiesCreated.map((id) => `new entity ${id}`),
    ...changes.entitiesMatched.map((id) => `matched entity ${id}`),
    ...changes.factsCreated.map((change) => `new fact ${fact(change)}`),
    ...changes.factsGainingEvidence.map((change) => `evidence added to ${fact(change)}`),
    ...changes.intervalsMoved.map((move) => `interval of ${move.tenure}: ${interval(move.before)} -> ${interval(move.after)}`),
  ];
}

function describeFailure(error: unknown): string[] {
  if (error instanceof SyntaxError) return [`not valid JSON: ${error.message}`];
  if (error instanceof GraphQLError) return problemLines(error);
  return [(error as Error).message ?? String(error)];
}

runCommand('ingest', main);
