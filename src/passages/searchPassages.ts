/**
 * Passage search: the passages of all source texts that match a search text (full-text, Latin
 * and Chinese script), each with a highlighted snippet and the facts its source states with a
 * quote that lies inside the passage (in edge id order). Two queries whatever the number of hits: the passages,
 * then the facts of their sources.
 */
import type { GraphStore } from '../graph/graphStore.js';
import { toGraphEdge, type GraphEdge, type RawEdge } from '../graph/graphElements.js';
import { buildSearchQuery } from '../graph/searchQuery.js';
import { snippet } from './snippet.js';

export interface PassageHit {
  sourceId: string;
  text: string;
  start: number;
  end: number;
  score: number;
  snippet: string;
  facts: GraphEdge[];
}

export async function searchPassages(store: GraphStore, text: string, first: number): Promise<PassageHit[]> {
  const rows = await store.read('search_passages', { query: buildSearchQuery(text), first });
  const passages = rows.map((row) => {
    const passage = row.passage as { sourceId: string; start: unknown; end: unknown; text: string };
    return { sourceId: passage.sourceId, text: passage.text, start: Number(passage.start), end: Number(passage.end), score: Number(row.score) };
  });
  if (passages.length === 0) return [];
  const sourceIds = [...new Set(passages.map((passage) => passage.sourceId))];
  const factRows = await store.read('source_facts', { sourceIds });
  const factsBySource = new Map<string, GraphEdge[]>();
  for (const row of factRows) {
    const sourceId = String(row.sourceId);
    const list = factsBySource.get(sourceId) ?? [];
    list.push(toGraphEdge(row.edge as RawEdge));
    factsBySource.set(sourceId, list);
  }
  return passages.map((passage) => {
    const inside = foldSpace(passage.text);
    const facts = (factsBySource.get(passage.sourceId) ?? [])
      .filter((edge) => edge.evidence.some((entry) => entry.sourceId === passage.sourceId && inside.includes(foldSpace(entry.quote))))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { ...passage, snippet: snippet(passage.text, text), facts };
  });
}

function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
