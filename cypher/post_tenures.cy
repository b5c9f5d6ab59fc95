// post_tenures: the tenures of posts in succession order (first day held, then id; undated
// last), optionally only those held on some day from $heldFirst to $heldLast, with the stored
// interval (effectiveStart, effectiveEnd, heldFrom, heldTo, predecessorId, successorId, …), and
// the organization (party) each was held on behalf of (onBehalfOfId, or null).
// $ids: post ids; $heldFirst, $heldLast: 'YYYY-MM-DD' or null; $limit: most tenures per post.
// Returns: id, tenures [tenure record].
UNWIND $ids AS id
MATCH (post:Post {id: id})<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(person:Person)
WHERE {{tenure_held t $heldFirst $heldLast}}
WITH id, person, post, t ORDER BY t.heldFrom IS NULL, t.heldFrom, t.id
WITH id, collect(t {.*, personId: person.id, postId: post.id})[..$limit] AS tenures
RETURN id, [t IN tenures | t {.*, onBehalfOfId: COLLECT {
  MATCH (:Tenure {id: t.id})-[:ON_BEHALF_OF]->(party:Organization) RETURN party.id ORDER BY party.id LIMIT 1
}[0]}] AS tenures
