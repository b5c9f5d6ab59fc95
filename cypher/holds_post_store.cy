// holds_post_store: rewrites the derived (person)-[:HOLDS_POST]->(post) relationships of the given
// posts: one for each tenure (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post), carrying the
// tenure's id and the held days the interval step just stored on it (heldFrom, heldTo). They are
// written by the interval step only (src/graph/recomputeTenureIntervals.ts), never stated by a
// source, and no read shows them: they exist so that a walk (shortest_paths) crosses a tenure
// in one step and can test its held days there (the tenure_held fragment reads the same two
// names). Every other query that walks relationships of any type leaves HOLDS_POST out.
// $postIds: post ids.  Returns: links (how many were written).
UNWIND $postIds AS postId
MATCH (post:Post {id: postId})
CALL (post) {
  MATCH (post)<-[stale:HOLDS_POST]-(:Person)
  DELETE stale
}
CALL (post) {
  MATCH (post)<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(person:Person)
  CREATE (person)-[:HOLDS_POST {tenureId: t.id, heldFrom: t.heldFrom, heldTo: t.heldTo}]->(post)
  RETURN count(*) AS links
}
RETURN sum(links) AS links
