/**
 * The names of items that a Wikidata entity file only names by QID (positions, organizations,
 * districts, predecessors): read from label files beside it, `labels/Q….json` in the file's
 * folder or in a `labels` folder next to that folder (as in `data/entities/Q7747.json` beside
 * `data/labels/`). Label files are wbgetentities answers with labels only; any entity file
 * found there serves too. Folders are read once per process.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { labelOf } from './wikidata.js';

const cache = new Map<string, ReadonlyMap<string, string>>();

export function wikidataLabelsBeside(file: string): ReadonlyMap<string, string> {
  const folder = path.dirname(file);
  const names = new Map<string, string>();
  for (const directory of [path.join(folder, 'labels'), path.join(path.dirname(folder), 'labels')]) {
    for (const [qid, name] of labelsIn(directory)) if (!names.has(qid)) names.set(qid, name);
  }
  return names;
}

function labelsIn(directory: string): ReadonlyMap<string, string> {
  const cached = cache.get(directory);
  if (cached) return cached;
  const names = new Map<string, string>();
  if (existsSync(directory) && statSync(directory).isDirectory()) {
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.json')).sort()) {
      try {
        const entities = (JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as { entities?: Record<string, unknown> }).entities ?? {};
        for (const [qid, entity] of Object.entries(entities)) {
          const name = labelOf(entity);
          if (name !== undefined && !names.has(qid)) names.set(qid, name);
        }
      } catch {
        // Not a label file: it names nothing.
      }
    }
  }
  cache.set(directory, names);
  return names;
}
