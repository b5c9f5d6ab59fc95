/**
 * What every importer's converter returns: one ingest document for one file, plus the records it
 * had to leave out. Converters are pure (text in, document out), so each format's mapping is
 * unit-tested without a database; src/import/importFile.ts does the rest the same way for all.
 */
import type { FieldProblem } from '../errors.js';
import type { IngestDocument } from '../model/document.js';

export interface Conversion {
  /** The file as one ingest document: the file is the source, every record quotes its raw text. */
  document: IngestDocument;
  /** Records (and derived things) per kind, for the progress line: {persons: 370, …}. */
  counts: Record<string, number>;
  /** Records read in all. */
  records: number;
  /**
   * Problems of records invalid on their own, each named by the record's path and field
   * (`memberships[12].end_date`). Those records are not in the document.
   */
  problems: FieldProblem[];
  /**
   * Every record left out of the document: the invalid ones (as in `problems`) and the records
   * that depend on them (`memberships[40]: depends on persons[2], which is left out`).
   */
  skipped: FieldProblem[];
}

/** A format: how a file (or a directory of them) becomes a Conversion. */
export interface ImportFormat<Options> {
  /** "popolo", "wikidata", "ftm". */
  name: string;
  /** The files a directory argument stands for. */
  filesInDirectory(directory: string): string[];
  /** Reads what the conversion needs from beside the file (label files, say): the only I/O besides the file itself. */
  context?(file: string): unknown;
  convert(text: string, options: Options & { fileName: string; context?: unknown }): Conversion;
}
