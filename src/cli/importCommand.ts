/**
 * The command line every importer shares (`npm run import:popolo`, `import:wikidata`, …): the
 * arguments (files or directories, `--skip-invalid`, `--help`, and the format's own options),
 * progress on stderr (file, size, records, rate), one write transaction per file, the result
 * lines on stdout, the records left out listed at the end, and the exit status (1 when a file was
 * refused). A format's CLI is a few lines that call runImportCommand.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GraphQLError } from 'graphql';
import type { FieldProblem } from '../errors.js';
import type { Conversion, ImportFormat } from '../import/conversion.js';
import { readAndConvert, writeConversion } from '../import/importFile.js';
import { describeResult, print, problemLines, runCommand, SKIP_INVALID_HINT, withBulkStore } from './bulkCommand.js';

export interface ImportCommand<Options> {
  /** "import:popolo" */
  command: string;
  /** The usage line printed by --help and after a bad call. */
  usage: string;
  format: ImportFormat<Options>;
  /** The format's own options, besides --skip-invalid and --help. */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** True when the command takes exactly one file (options such as a source title fit one file only). */
  singleFile?: boolean;
  /** The converter's options from the parsed command line. */
  convertOptions(values: Record<string, string | boolean | undefined>): Options;
}

export function runImportCommand<Options>(command: ImportCommand<Options>): void {
  runCommand(command.command, (argv) => importMain(command, argv));
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function rate(records: number, milliseconds: number): string {
  return `${Math.round((records * 1000) / Math.max(milliseconds, 1))} records/s`;
}

export function describeCounts(counts: Conversion['counts']): string {
  return Object.entries(counts)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
}

async function importMain<Options>(command: ImportCommand<Options>, argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...command.options, 'skip-invalid': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${command.usage}\n`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  if (values.help || positionals.length === 0 || (command.singleFile && positionals.length !== 1)) {
    process.stderr.write(`${command.usage}\n`);
    return values.help ? 0 : 2;
  }
  const skipInvalid = values['skip-invalid'] === true;
  const options = command.convertOptions(values);
  const files = positionals.flatMap((argument) => {
    const resolved = path.resolve(argument);
    return statSync(resolved).isDirectory() ? command.format.filesInDirectory(resolved) : [resolved];
  });

  // Convert everything first: a file that cannot be read or converted stops the command before
  // the database is started.
  const converted = files.map((file, index) => {
    const label = `[${index + 1}/${files.length}] ${path.relative(process.cwd(), file) || file}`;
    const { conversion, bytes, milliseconds } = readAndConvert(command.format, file, options);
    progress(
      `${label}: ${(bytes / 1024).toFixed(1)} KiB, ${conversion.records} records (${describeCounts(conversion.counts)}) ` +
        `converted in ${milliseconds} ms (${rate(conversion.records, milliseconds)})`,
    );
    return { file, label, conversion };
  });

  const totals = { imported: 0, refused: 0 };
  const skippedByFile: Array<{ label: string; skipped: FieldProblem[] }> = [];
  const refuse = (label: string, lines: string[], hint: string) => {
    totals.refused += 1;
    print(`${label}: NOT imported, nothing was written${hint}`);
    for (const line of lines) process.stderr.write(`  ${line}\n`);
  };
  const writable = converted.filter(({ label, conversion }) => {
    if (conversion.problems.length === 0 || skipInvalid) return true;
    refuse(label, problemLines(conversion.problems), `: ${conversion.problems.length} invalid record problem(s). ${SKIP_INVALID_HINT}`);
    return false;
  });

  if (writable.length > 0) {
    await withBulkStore(async (store) => {
      for (const { label, conversion } of writable) {
        if (conversion.skipped.length > 0) {
          progress(`${label}: leaving out ${conversion.skipped.length} record(s) (--skip-invalid), listed at the end`);
          skippedByFile.push({ label, skipped: conversion.skipped });
        }
        const { entities, facts } = conversion.document;
        progress(`${label}: writing ${entities.length} entities and ${facts.length} facts in one transaction`);
        const started = Date.now();
        try {
          const result = await writeConversion(store, conversion, { skipInvalid });
          const took = Date.now() - started;
          const withdrawn = result.withdrawn;
          const withdrawnText =
            withdrawn && withdrawn.factsRemoved + withdrawn.factsKept + withdrawn.entitiesRemoved.length > 0
              ? `; no longer stated: ${withdrawn.factsRemoved} facts removed, ${withdrawn.factsKept} kept by other sources, ${withdrawn.entitiesRemoved.length} entities removed`
              : '';
          print(
            `${label}: ${describeResult(result)}; ${result.nodesCreated} nodes and ${result.relationshipsCreated} relationships created` +
              `${withdrawnText} (write ${(took / 1000).toFixed(1)} s, ${rate(conversion.records, took)})`,
          );
          totals.imported += 1;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          refuse(label, problemLines(error), '');
        }
      }
    });
  }

  const skippedCount = skippedByFile.reduce((sum, { skipped }) => sum + skipped.length, 0);
  for (const { label, skipped } of skippedByFile) {
    print(`${label}: skipped ${skipped.length} record(s):`);
    for (const line of problemLines(skipped)) print(`  ${line}`);
  }
  print(`done: ${totals.imported} file(s) imported, ${totals.refused} refused; ${skippedCount} record(s) skipped`);
  return totals.refused > 0 ? 1 : 0;
}
