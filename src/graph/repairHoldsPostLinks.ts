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

/** Returns how many posts were repaired. */
export async function repairHoldsPostLinks(store: GraphStore, onProgress: (message: string) => void = () => {}): Promise<number> {
  const [totals] = await store.read('holds_post_totals');
  if (!totals || totals.tenures === totals.links) return 0;
  onProgress(`rewriting the one-step tenure links: ${totals.tenures} tenures, ${totals.links} links`);
  let repaired = 0;
  // Each pass repairs what it reads, so the loop ends; the bound only guards against a writer
  // that keeps undoing the repair.
  const passes = Math.ceil(totals.tenures / POSTS_PER_BATCH) + 2;
  for (let pass = 0; pass < passes; pass += 1) {
    const rows = await store.read('holds_post_missing', { limit: POSTS_PER_BATCH });
    if (rows.length === 0) break;
    await store.write((tx) => recomputeTenureIntervals(tx, { postIds: rows.map((row) => row.postId) }));
    repaired += rows.length;
    onProgress(`rewrote the one-step tenure links of ${repaired} posts`);
  }
  return repaired;
}
