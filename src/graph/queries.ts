/**
 * Every Cypher query lives in cypher/NAME.cy, one query per file, named after what it does.
 * They are read once at start-up; a missing or empty file stops start-up at once rather than
 * failing on the first request that needs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot.js';

export const QUERY_NAMES = [
  'schema_constraints',
  'entities_by_ids',
  'entity_evidence',
  'entity_relations',
  'person_tenures',
  'post_tenures',
  'person_participations',
  'event_participants',
  'event_participant_groups',
  'search_entities',
  'neighborhood_expand',
  'shortest_paths',
  'entity_page',
  'person_colleagues',
  'organization_interlocks',
  'theme_people',
  'theme_event_counts',
  'entity_related_page',
  'ingest_existing_kinds',
  'ingest_source',
  'ingest_entities',
  'ingest_tenures',
  'ingest_relations',
  'ingest_participations',
  'ingest_participant_groups',
  'ingest_successions',
  'graph_counts',
  'seeded_sources',
  'retract_source',
  'merge_entities_check',
  'merge_entity_tenures',
  'merge_rekey_tenures',
  'merge_move_relationships',
  'merge_finish',
  'ingest_passages',
  'search_passages',
  'source_facts',
  'draft_gazetteer',
  'draft_existing_facts',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export type QueryTexts = Readonly<Record<QueryName, string>>;

export function loadQueries(directory: string = path.join(projectRoot(), 'cypher')): QueryTexts {
  const texts = {} as Record<QueryName, string>;
  const missing: string[] = [];
  for (const name of QUERY_NAMES) {
    const file = path.join(directory, `${name}.cy`);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      missing.push(file);
      continue;
    }
    if (stripComments(text).trim() === '') missing.push(`${file} (empty)`);
    texts[name] = text;
  }
  if (missing.length > 0) throw new Error(`Cypher query files missing: ${missing.join(', ')}`);
  return Object.freeze(texts);
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
