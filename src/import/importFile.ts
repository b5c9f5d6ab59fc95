/**
 * The one way a converted file enters the graph, for every format: a conversion with invalid
 * records is refused whole unless the caller asked to skip them; otherwise the document is
 * validated and written by ingestDocument in one write transaction, matching entities already
 * in the graph by identifier (a Wikidata QID met in a Popolo file and in a Wikidata dump is one
 * entity), and replacing what an earlier import of the same file stated (a record that
 * disappeared from the file is taken back).
 */
import { readFileSync, statSync } from 'node:fs';
import { badUserInput } from '../errors.js';
import type { GraphStore } from '../graph/graphStore.js';
import { BULK_INGEST_TIMEOUT_MS, ingestDocument, type IngestResult } from '../ingest/ingestDocument.js';
import type { Conversion, ImportFormat } from './conversion.js';

export interface ImportOptions {
  /** Import the valid records of a file with invalid ones, leaving out the invalid records and what depends on them. */
  skipInvalid?: boolean;
}

/** Throws BAD_USER_INPUT with the record problems when the file has invalid records and skipping was not asked for. */
export async function writeConversion(store: GraphStore, conversion: Conversion, options: ImportOptions = {}): Promise<IngestResult> {
  if (conversion.problems.length > 0 && !options.skipInvalid) throw badUserInput(conversion.problems);
  return ingestDocument(store, conversion.document, { matchIdentifiers: true, replace: true, timeoutMs: BULK_INGEST_TIMEOUT_MS });
}

/** Reads one file (and its context) and converts it: the pure part of an import, timed for progress output. */
export function readAndConvert<Options>(
  format: ImportFormat<Options>,
  file: string,
  options: Options,
): { conversion: Conversion; bytes: number; milliseconds: number } {
  const started = Date.now();
  const bytes = statSync(file).size;
  const text = readFileSync(file, 'utf8');
  const context = format.context?.(file);
  const conversion = format.convert(text, { ...options, fileName: file, context });
  return { conversion, bytes, milliseconds: Date.now() - started };
}
