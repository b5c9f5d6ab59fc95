/**
 * Compiles the composed statements of the request plans before the first request needs them.
 * Neo4j plans a statement once per set of parameter types and caches the plan, but planning the
 * larger composed statements (neighborhood_one, plan_people_page) takes seconds on a busy
 * machine, long enough for the first request to reach its timeout. Each variant runs once with
 * ids that match nothing (or a one-row page), so it costs little once the plans are cached.
 */
import type { GraphStore } from '../graph/graphStore.js';

const NOTHING = 'warm-up:nothing';
/** No "as of" date, and one: each gives the statements other parameter types (null or string). */
const AS_OF_DAYS = [
  [null, null],
  ['2000-01-01', '2000-12-31'],
] as const;
/** With and without a kinds filter (null or a list). */
const KINDS = [null, ['PERSON' as const]];
/** A neighbourhood's parameters that only change the plan by their types. */
const NEIGHBORHOOD_BASE = { id: NOTHING, limit: 2, rowLimit: 10, includeSources: false, edgeProperties: true, nodeProperties: true };

export async function warmUpPlans(store: GraphStore): Promise<void> {
  for (const [first, last] of AS_OF_DAYS) {
    for (const kinds of KINDS) {
      await store.prepare('neighborhood_one', { ...NEIGHBORHOOD_BASE, kinds, atFirst: first, atLast: last });
    }
    const tree = { heldFirst: first, heldLast: last, withTenures: true, withPosts: true, withOrganizations: true, limit: 1 };
    await store.prepare('plan_person', { ids: [NOTHING], ...tree });
    await store.prepare('plan_role_holders', { posts: [NOTHING], heldFirst: first, heldLast: last, limit: 1, withPersons: true });
    for (const nameContains of [null, 'a']) {
      await store.prepare('plan_people_page', { first: 1, after: null, nameContains, atFirst: first, atLast: last, withTotalCount: false, ...tree });
    }
  }
}

/**
 * The walks that are not planned per request (the path searches of shortest_paths, the
 * three-level ring walk of neighborhood_two) are as slow to plan; they are compiled after
 * start-up, in the background, so that neither start-up nor the first path or depth-2 request
 * waits for all of them.
 */
export async function warmUpWalks(store: GraphStore): Promise<void> {
  for (const [first, last] of AS_OF_DAYS) {
    for (const kinds of KINDS) {
      await store.prepare('neighborhood_two', { ...NEIGHBORHOOD_BASE, depth: 2, kinds, atFirst: first, atLast: last });
    }
    await store.prepare('shortest_paths', { from: NOTHING, to: NOTHING, maxHops: 4, candidates: 1, atFirst: first, atLast: last, nodeProperties: true, edgeProperties: true });
  }
}
