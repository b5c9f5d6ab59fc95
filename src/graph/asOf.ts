/**
 * "As of" a date for the facts that are not tenures. The graph as it stood on `at`:
 * - a tenure counts when it is held on `at` (the rules of tenureTimeline.ts);
 * - an event, document or source counts once it has happened or appeared: its startDate, date
 *   or publishedDate begins on or before the last day of `at`; a later one is not there yet,
 *   and neither are the facts that touch it;
 * - everything undated (people, organizations, posts, places, themes, undated events) counts.
 */
import { firstDay, lastDay } from '../model/partialDate.js';
import type { GraphStore } from './graphStore.js';
import { NESTED_LIST_LIMIT } from './loaders.js';
import type { TenureRecord } from './records.js';
import { isHeldAt, resolvePostTenures } from './tenureTimeline.js';

/** When an entity came to be: an event's start, a document's date, a source's publication. */
export function entityDate(properties: Record<string, unknown>): string | null {
  const date = properties.startDate ?? properties.date ?? properties.publishedDate;
  return typeof date === 'string' && properties.isTenure !== true ? date : null;
}

/** Whether an entity already existed on (some day of) `at`; undated entities always do. */
export function existedBy(properties: Record<string, unknown>, at: string): boolean {
  const date = entityDate(properties);
  return date === null || firstDay(date) <= lastDay(at);
}

/** The ids, among `tenures`, of those held on `at`: reads the whole succession of their posts. */
export async function tenuresHeldAt(
  store: GraphStore,
  tenures: ReadonlyArray<{ id: string; postId: string }>,
  at: string,
): Promise<Set<string>> {
  const held = new Set<string>();
  if (tenures.length === 0) return held;
  const postIds = [...new Set(tenures.map((tenure) => tenure.postId))];
  const rows = await store.read('post_tenures', { ids: postIds, limit: NESTED_LIST_LIMIT });
  const wanted = new Set(tenures.map((tenure) => tenure.id));
  for (const row of rows) {
    for (const tenure of resolvePostTenures(row.tenures as TenureRecord[]).values()) {
      if (wanted.has(tenure.id) && isHeldAt(tenure, at)) held.add(tenure.id);
    }
  }
  return held;
}

/** The query parameters that bound dated facts in Cypher: first and last day of `at`, or nulls. */
export function asOfParams(at: string | null): { atFirst: string | null; atLast: string | null } {
  return at === null ? { atFirst: null, atLast: null } : { atFirst: firstDay(at), atLast: lastDay(at) };
}
