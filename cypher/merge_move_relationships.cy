// merge_move_relationships: moves every relationship of `drop` onto `keep` (an entity or a
// tenure), except the HOLDS/OF_POST links of tenures (re-keyed by merge_rekey_tenures) and the
// derived HOLDS_POST links (deleted with `drop`, and rewritten by the interval step after). When
// `keep` already has the same fact (same type, same other end, same role for participations)
// the two become one and keep the evidence of both; otherwise the fact moves with its
// properties. Facts between `keep` and `drop` would become self-loops and are deleted.
// $pairs: [{drop, keep}] ids.  Returns: drop, moved (relationships moved), removed (self-loops).
UNWIND $pairs AS pair
OPTIONAL MATCH (dropEntity:Entity {id: pair.drop})
OPTIONAL MATCH (dropTenure:Tenure {id: pair.drop})
OPTIONAL MATCH (keepEntity:Entity {id: pair.keep})
OPTIONAL MATCH (keepTenure:Tenure {id: pair.keep})
WITH pair, coalesce(dropEntity, dropTenure) AS drop, coalesce(keepEntity, keepTenure) AS keep
WHERE drop IS NOT NULL AND keep IS NOT NULL
CALL (drop, keep) {
  OPTIONAL MATCH (drop)-[r]-(other)
  WHERE other = keep OR other = drop
  DELETE r
  RETURN count(r) AS removed
}
CALL (drop, keep) {
  MATCH (drop)-[r]->(other)
  WHERE NOT type(r) IN ['HOLDS', 'OF_POST', 'HOLDS_POST']
  CALL (keep, r, other) {
    WITH keep, r, other WHERE type(r) = 'PARTICIPATED_IN'
    MERGE (keep)-[m:PARTICIPATED_IN {role: r.role}]->(other)
    RETURN m
    UNION
    WITH keep, r, other WHERE type(r) <> 'PARTICIPATED_IN'
    MERGE (keep)-[m:$(type(r))]->(other)
    RETURN m
  }
  WITH r, m, properties(m) AS existing, coalesce(m.evidence, []) AS evidence, coalesce(m.sourceIds, []) AS sourceIds
  SET m += properties(r)
  SET m += existing
  SET m.evidence = CASE WHEN r.evidence IS NULL THEN m.evidence ELSE evidence + [entry IN r.evidence WHERE NOT entry IN evidence] END,
      m.sourceIds = CASE WHEN r.sourceIds IS NULL THEN m.sourceIds ELSE sourceIds + [id IN r.sourceIds WHERE NOT id IN sourceIds] END
  DELETE r
  RETURN count(*) AS movedOut
}
CALL (drop, keep) {
  MATCH (other)-[r]->(drop)
  WHERE NOT type(r) IN ['HOLDS', 'OF_POST', 'HOLDS_POST']
  CALL (keep, r, other) {
    WITH keep, r, other WHERE type(r) = 'PARTICIPATED_IN'
    MERGE (other)-[m:PARTICIPATED_IN {role: r.role}]->(keep)
    RETURN m
    UNION
    WITH keep, r, other WHERE type(r) <> 'PARTICIPATED_IN'
    MERGE (other)-[m:$(type(r))]->(keep)
    RETURN m
  }
  WITH r, m, properties(m) AS existing, coalesce(m.evidence, []) AS evidence, coalesce(m.sourceIds, []) AS sourceIds
  SET m += properties(r)
  SET m += existing
  SET m.evidence = CASE WHEN r.evidence IS NULL THEN m.evidence ELSE evidence + [entry IN r.evidence WHERE NOT entry IN evidence] END,
      m.sourceIds = CASE WHEN r.sourceIds IS NULL THEN m.sourceIds ELSE sourceIds + [id IN r.sourceIds WHERE NOT id IN sourceIds] END
  DELETE r
  RETURN count(*) AS movedIn
}
RETURN pair.drop AS drop, movedOut + movedIn AS moved, removed
