/**
 * `npm run -s draft -- report.txt [--publisher P --date D --title T --language L --id ID --url U] > draft.json`:
 * drafts an ingest document from a report's text against the graph (the names it knows), and
 * prints the document to standard output, ready for review and `npm run ingest`. With
 * `--proposals` it prints the whole draft (document and proposals) instead; `--out FILE` writes it
 * to FILE instead of standard output (npm prints its own banner on standard output unless run
 * with -s). A summary of the
 * proposals goes to standard error. The title defaults to the text's first line; nothing is
 * written to the graph.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { draftFromGraph } from '../draft/draftFromGraph.js';
import { problemLines, runCommand, withBulkStore } from './bulkCommand.js';

const USAGE =
  'usage: npm run -s draft -- REPORT.txt [--publisher P] [--date YYYY-MM-DD] [--title T] [--language en] [--id source:…] [--url U] [--proposals] [--out FILE]';
const OPTIONS: Record<string, string> = { '--publisher': 'publisher', '--date': 'publishedDate', '--title': 'name', '--language': 'language', '--id': 'id', '--url': 'url' };

export function parseDraftArguments(args: string[]): { file: string; source: Record<string, string>; proposals: boolean; out: string | undefined } | string {
  const source: Record<string, string> = {};
  let file: string | undefined;
  let out: string | undefined;
  let proposals = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--proposals') proposals = true;
    else if (arg === '--out') {
      out = args[index + 1];
      if (out === undefined) return '--out needs a value';
      index += 1;
    }
    else if (arg in OPTIONS) {
      const value = args[index + 1];
      if (value === undefined) return `${arg} needs a value`;
      source[OPTIONS[arg] as string] = value;
      index += 1;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return `one report at a time, but got ${file} and ${arg}`;
  }
  if (file === undefined) return 'no report file given';
  return { file, source, proposals, out };
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseDraftArguments(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`officegraph draft: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  const text = readFileSync(parsed.file, 'utf8');
  const firstLine = text.split(/\r?\n/).find((line) => line.trim().length > 0)?.trim() ?? parsed.file;
  const source = { name: firstLine, language: 'en', ...parsed.source, text };
  return withBulkStore(async (store) => {
    try {
      const draft = await draftFromGraph(store, source);
      const json = `${JSON.stringify(parsed.proposals ? draft : draft.document, null, 2)}\n`;
      if (parsed.out) writeFileSync(parsed.out, json);
      else process.stdout.write(json);
      const count = (target: string) => draft.proposals.filter((proposal) => proposal.target === target);
      const known = (target: string) => count(target).filter((proposal) => proposal.existing).length;
      process.stderr.write(
        `drafted ${count('ENTITY').length} entities (${known('ENTITY')} already in the graph) and ${count('FACT').length} facts (${known('FACT')} already in the graph); review before ingesting\n`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      for (const line of problemLines(error)) process.stderr.write(`officegraph draft: ${line}\n`);
      return 1;
    }
  });
}

if (process.argv[1]?.endsWith('draft.js') || process.argv[1]?.endsWith('draft.ts')) runCommand('draft', main);
