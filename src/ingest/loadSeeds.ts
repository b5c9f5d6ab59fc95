/**
 * Loads every seeds/*.json document through the ordinary ingest path, in file-name order.
 * Ingest is idempotent, so this runs at every start and changes nothing the second time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphStore } from '../graph/graphStore.js';
import { BULK_INGEST_TIMEOUT_MS, ingestDocument, type IngestResult } from './ingestDocument.js';

export interface SeedResult {
  file: string;
  result: IngestResult;
}

export function seedFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(directory, file));
}

export async function loadSeeds(
  store: GraphStore,
  directory: string,
  onProgress: (message: string) => void = () => undefined,
): Promise<SeedResult[]> {
  const files = seedFiles(directory);
  const results: SeedResult[] = [];
  for (const [index, file] of files.entries()) {
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Seed ${file} is not valid JSON: ${(error as Error).message}`);
    }
    try {
      // A first start on a cold, busy machine plans every ingest query anew: allow it the bulk timeout.
      const result = await ingestDocument(store, document, { timeoutMs: BULK_INGEST_TIMEOUT_MS });
      results.push({ file, result });
      onProgress(
        `seed ${index + 1}/${files.length} ${path.basename(file)}: ${result.entities.created} entities and ${result.facts.created} facts new, ${result.entities.matched + result.facts.matched} already there`,
      );
    } catch (error) {
      throw new Error(`Seed ${path.basename(file)} was not loaded: ${(error as Error).message}`);
    }
  }
  return results;
}
