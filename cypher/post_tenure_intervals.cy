// post_tenure_intervals: the stored intervals of every tenure of the given posts (what the
// tenure-interval step wrote), so a dry run can tell which would move.
// $postIds: list of post ids.
// Returns: id, personId, postId, effectiveStart, effectiveEnd, heldFrom, heldTo.
UNWIND $postIds AS postId
MATCH (person:Person)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(:Post {id: postId})
RETURN t.id AS id, person.id AS personId, postId, t.effectiveStart AS effectiveStart, t.effectiveEnd AS effectiveEnd,
       t.heldFrom AS heldFrom, t.heldTo AS heldTo
ORDER BY id
