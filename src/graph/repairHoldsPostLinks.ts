/**
 * Start-up repair of the derived (person)-[:HOLDS_POST]->(post) links, for a store written
 * before they existed (or by a tool that bypassed the interval step). Two count-store reads
 * decide that nothing is to do, so a healthy graph of any size pays nothing; otherwise the posts
 * whose links differ from their tenures get the shared interval step again, a batch per write
 * transaction.
 */
import type { GraphStore } from './graphStore.js';
import { recomputeTenureIntervals } from './recomputeTenureIntervals.js';

const POSTS_PER_BATCH = 500;
/** Posts found per scan of the graph: each scan reads every post, so it runs once per this many. */
const POSTS_PER_SCAN = 10_000;

/** Returns how many posts were repaired. */
export async function repairHoldsPostLinks(store: GraphStore, onProgress: (message: string) => void = () => {}): Promise<number> {
  const [totals] = await store.read('holds_post_totals');
  if (!totals || totals.tenures === totals.links) return 0;
  onProgress(`rewriting the one-step tenure links: ${totals.tenures} tenures, ${totals.links} links`);
  let repaired = 0;
  // Each scan's posts are repaired before the next scan, so the loop ends; the bound only guards
  // against a writer that keeps undoing the repair.
  const scans = Math.ceil(totals.tenures / POSTS_PER_SCAN) + 2;
  for (let scan = 0; scan < scans; scan += 1) {
    const postIds = (await store.read('holds_post_missing', { limit: POSTS_PER_SCAN })).map((row) => row.postId);
    if (postIds.length === 0) break;
    for (let first = 0; first < postIds.length; first += POSTS_PER_BATCH) {
      const batch = postIds.slice(first, first + POSTS_PER_BATCH);
      await store.write((tx) => recomputeTenureIntervals(tx, { postIds: batch }));
      repaired += batch.length;
      onProgress(`rewrote the one-step tenure links of ${repaired} posts`);
    }
  }
  return repaired;
}
