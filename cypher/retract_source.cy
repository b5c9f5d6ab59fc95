// retract_source: takes one source back. Removes this source's evidence entry from every fact it
// supports, deletes the facts no other source supports (relationships, tenures, participant
// groups), deletes the source with its MENTIONS and its passages, then deletes the entities it mentioned or
// referenced that are left with no mention and no fact at all. Facts are found through the
// entities the source mentions or referenced by id (s.referencedIds) and their tenures, so the
// work is bounded by their degree, never a scan of the graph.
// $id: source id; $evidencePrefix: the JSON prefix of this source's evidence entries.
// Returns (no row when the source is unknown): factsRemoved, factsKept (facts that lost this
// source but keep another), entitiesRemoved (ids), affectedPostIds (posts whose tenures changed).
MATCH (s:Source {id: $id})
OPTIONAL MATCH (s)-[:MENTIONS]->(mentioned:Entity)
WITH s, collect(DISTINCT mentioned) AS mentioned
CALL (s) {
  UNWIND coalesce(s.referencedIds, []) AS referencedId
  OPTIONAL MATCH (redirect:Redirect {id: referencedId})
  WITH coalesce(redirect.target, referencedId) AS referencedId
  OPTIONAL MATCH (entity:Entity {id: referencedId})
  OPTIONAL MATCH (tenure:Tenure {id: referencedId})
  RETURN collect(DISTINCT entity) AS referenced, collect(DISTINCT tenure) AS referencedTenures
}
WITH s, [n IN referenced WHERE NOT n IN mentioned] + mentioned AS anchors, referencedTenures
CALL (anchors) {
  UNWIND anchors AS anchor
  OPTIONAL MATCH (anchor)-[:HOLDS|OF_POST]-(t:Tenure)
  RETURN collect(DISTINCT t) AS reached
}
WITH s, anchors, [t IN referencedTenures WHERE NOT t IN reached] + reached AS tenures
CALL (anchors) {
  UNWIND anchors AS anchor
  OPTIONAL MATCH (anchor)-[:HAS_PARTICIPANT_GROUP]->(g:ParticipantGroup)
  WHERE $id IN g.sourceIds
  RETURN collect(DISTINCT g) AS groups
}
CALL (anchors, tenures) {
  UNWIND anchors + tenures AS node
  OPTIONAL MATCH (node)-[r]-()
  WHERE $id IN coalesce(r.sourceIds, [])
  RETURN collect(DISTINCT r) AS relationships
}
WITH s, anchors, groups, relationships, [t IN tenures WHERE $id IN t.sourceIds] AS tenures
// The posts whose tenures lose support or a succession: their intervals are recomputed after.
CALL (relationships, tenures) {
  UNWIND tenures + [r IN relationships WHERE type(r) = 'SUCCEEDS' | startNode(r)] + [r IN relationships WHERE type(r) = 'SUCCEEDS' | endNode(r)] AS t
  MATCH (t)-[:OF_POST]->(post:Post)
  RETURN collect(DISTINCT post.id) AS affectedPostIds
}
CALL (relationships) {
  UNWIND relationships AS r
  WITH r, [other IN r.sourceIds WHERE other <> $id] AS remaining
  SET r.sourceIds = remaining, r.evidence = [entry IN r.evidence WHERE NOT entry STARTS WITH $evidencePrefix]
  WITH r, remaining WHERE size(remaining) = 0
  DELETE r
  RETURN count(*) AS relationshipsRemoved
}
CALL (tenures, groups) {
  UNWIND tenures + groups AS fact
  WITH fact, [other IN fact.sourceIds WHERE other <> $id] AS remaining
  SET fact.sourceIds = remaining, fact.evidence = [entry IN fact.evidence WHERE NOT entry STARTS WITH $evidencePrefix]
  WITH fact, remaining WHERE size(remaining) = 0
  DETACH DELETE fact
  RETURN count(*) AS nodesRemoved
}
CALL (s) {
  MATCH (s)-[:HAS_PASSAGE]->(passage:Passage)
  DETACH DELETE passage
}
CALL (s) {
  DETACH DELETE s
}
CALL (anchors) {
  UNWIND anchors AS n
  WITH n, n.id AS entityId
  // The derived HOLDS_POST links are not facts: an entity left with only those goes, and they
  // go with it (the interval step rewrites its posts' links after).
  WHERE NOT EXISTS { (n)-[r]-() WHERE type(r) <> 'HOLDS_POST' }
  DETACH DELETE n
  RETURN collect(entityId) AS entitiesRemoved
}
RETURN relationshipsRemoved + nodesRemoved AS factsRemoved, affectedPostIds,
       size(relationships) + size(tenures) + size(groups) - relationshipsRemoved - nodesRemoved AS factsKept,
       entitiesRemoved
