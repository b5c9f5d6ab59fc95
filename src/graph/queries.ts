/**
 * Every Cypher query lives in cypher/NAME.cy, one query per file, named after what it does.
 * They are read once at start-up; a missing or empty file stops start-up at once rather than
 * failing on the first request that needs it.
 *
 * A rule that several queries share is a fragment, cypher/fragments/NAME.cy, written once and
 * included where it is needed as {{NAME ARG…}}: the fragment's placeholders (its upper-case
 * words listed in FRAGMENT_PLACEHOLDERS) are replaced by the variables or $parameters named in
 * the query file. Only names are substituted, never values: values still travel as parameters.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot.js';

export { QUERY_NAMES, type QueryName } from './cypherQueries.js';
import { QUERY_NAMES, type QueryName } from './cypherQueries.js';

export type QueryTexts = Readonly<Record<QueryName, string>>;

/** The placeholders of each fragment, in the order a query names their replacements. */
export const FRAGMENT_PLACEHOLDERS = {
  tenure_held: ['TENURE', 'FIRST', 'LAST'],
  entity_existed: ['ENTITY', 'LAST'],
  tenure_record: ['TENURE', 'HOLDER', 'HELD_POST'],
  post_organizations: ['HELD_POST', 'MAX_ITEMS'],
  person_tenure_tree: ['HOLDER'],
  person_matches: ['PERSON'],
  entity_edges: ['NODE'],
  edges_among: ['IDS'],
  walk_step: ['REL', 'NODE', 'FIRST', 'LAST'],
  neighborhood_ring: ['VISITED', 'RING_START', 'CUT', 'LEVEL'],
} as const satisfies Record<string, ReadonlyArray<string>>;
type FragmentName = keyof typeof FRAGMENT_PLACEHOLDERS;

const cypherDirectory = (): string => path.join(projectRoot(), 'cypher');

export function loadQueries(directory: string = cypherDirectory()): QueryTexts {
  const texts = {} as Record<QueryName, string>;
  const missing: string[] = [];
  const fragments = loadFragments(directory, missing);
  for (const name of QUERY_NAMES) {
    const file = path.join(directory, `${name}.cy`);
    const text = readQueryFile(file, missing);
    if (text === undefined) continue;
    texts[name] = expandFragments(text, fragments, file);
  }
  if (missing.length > 0) throw new Error(`Cypher query files missing: ${missing.join(', ')}`);
  return Object.freeze(texts);
}

/**
 * A statement that is not one of the query files (a test's reference query, a profiling script)
 * with its {{fragments}} included as the query files get them.
 */
export function withFragments(text: string, directory: string = cypherDirectory()): string {
  const missing: string[] = [];
  const fragments = loadFragments(directory, missing);
  if (missing.length > 0) throw new Error(`Cypher fragment files missing: ${missing.join(', ')}`);
  return expandFragments(text, fragments, '(statement)');
}

function loadFragments(directory: string, missing: string[]): Map<string, string> {
  const fragments = new Map<string, string>();
  for (const name of Object.keys(FRAGMENT_PLACEHOLDERS)) {
    const text = readQueryFile(path.join(directory, 'fragments', `${name}.cy`), missing);
    if (text !== undefined) fragments.set(name, stripComments(text).trim());
  }
  // A fragment may include other fragments (a plan's building blocks include the as-of rule).
  for (let pass = 0; pass < 4; pass += 1) {
    for (const [name, body] of fragments) {
      fragments.set(name, expandFragments(body, fragments, path.join(directory, 'fragments', `${name}.cy`)));
    }
  }
  return fragments;
}

function readQueryFile(file: string, missing: string[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    missing.push(file);
    return undefined;
  }
  if (stripComments(text).trim() === '') missing.push(`${file} (empty)`);
  return text;
}

/** A variable, a property of one, or a $parameter: the only things a fragment argument may be. */
const FRAGMENT_ARGUMENT = /^\$?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

function expandFragments(text: string, fragments: ReadonlyMap<string, string>, file: string): string {
  return text.replace(/\{\{\s*([a-z_]+)((?:\s+[^\s}]+)*)\s*\}\}/g, (_match, name: string, rawArguments: string) => {
    const body = fragments.get(name);
    if (body === undefined) throw new Error(`${file}: unknown Cypher fragment {{${name}}}`);
    const placeholders = FRAGMENT_PLACEHOLDERS[name as FragmentName];
    const values = rawArguments.trim().split(/\s+/);
    if (values.length !== placeholders.length || !values.every((value) => FRAGMENT_ARGUMENT.test(value))) {
      throw new Error(`${file}: {{${name}}} expects ${placeholders.join(', ')} as variables or $parameters, but got: ${rawArguments.trim()}`);
    }
    const replacements = new Map<string, string>(placeholders.map((placeholder, index) => [placeholder, values[index] as string]));
    return body.replace(new RegExp(`\\b(${placeholders.join('|')})\\b`, 'g'), (word) => replacements.get(word) as string);
  });
}

function stripComments(text: string): string {
  return text.replace(/^\s*\/\/.*$/gm, '');
}

/** Schema statements are several statements in one file, separated by semicolons. */
export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
