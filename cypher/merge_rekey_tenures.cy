// merge_rekey_tenures: gives each tenure of a merged-away entity its id under the entity that
// stays. When that tenure already exists (both entities held the same post from the same
// date) the two become one, with the evidence of both; otherwise the new tenure takes the old
// one's dates and evidence. The old tenures are deleted later, after their SUCCEEDS moved.
// $moves: [{old, new, person, post}] with person/post the ids after the merge.
// Returns: old, new, created (false when the tenure already existed).
UNWIND $moves AS move
MATCH (old:Tenure {id: move.old}), (person:Person {id: move.person}), (post:Post {id: move.post})
MERGE (t:Tenure {id: move.new})
WITH move, old, person, post, t, t.evidence IS NULL AS created, properties(t) AS existing,
     coalesce(t.evidence, []) AS evidence, coalesce(t.sourceIds, []) AS sourceIds
SET t += old {.*, id: move.new}
SET t += existing
SET t.evidence = evidence + [entry IN coalesce(old.evidence, []) WHERE NOT entry IN evidence],
    t.sourceIds = sourceIds + [id IN coalesce(old.sourceIds, []) WHERE NOT id IN sourceIds]
MERGE (person)-[:HOLDS]->(t)
MERGE (t)-[:OF_POST]->(post)
RETURN move.old AS old, move.new AS new, created
