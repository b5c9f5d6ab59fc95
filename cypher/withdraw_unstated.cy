// withdraw_unstated: after a source was written again (a re-imported data set), takes back what
// its earlier version stated and this one does not: this source's evidence leaves every such
// fact, facts no other source supports are deleted (as in retract_source), mentions of entities
// it no longer names are deleted, and entities left with no mention and no fact go too. Facts are
// found through the entities the source mentions or referenced, and their tenures, so the work
// is bounded by their degree, never a scan of the graph.
// $sourceId; $evidencePrefix: the JSON prefix of this source's evidence entries;
// $entityIds: the entities the source mentions now; $tenureIds, $groupIds: the tenures and
// participant groups it states now; $factKeys: the relationships it states now, each as
// "TYPE|start id|end id|role" (role only for PARTICIPATED_IN, else empty).
// Returns: factsRemoved, factsKept (facts that lost this source but keep another),
// entitiesRemoved (ids), affectedPostIds (posts whose tenures changed, for the interval step).
MATCH (s:Source {id: $sourceId})
CALL (s) {
  OPTIONAL MATCH (s)-[:MENTIONS]->(n:Entity)
  RETURN collect(DISTINCT n) AS mentioned
}
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
  WHERE $sourceId IN g.sourceIds AND NOT g.id IN $groupIds
  RETURN collect(DISTINCT g) AS staleGroups
}
CALL (anchors, tenures) {
  UNWIND anchors + tenures AS node
  OPTIONAL MATCH (node)-[r]-()
  WHERE $sourceId IN coalesce(r.sourceIds, [])
    AND NOT (type(r) + '|' + startNode(r).id + '|' + endNode(r).id + '|' + coalesce(r.role, '')) IN $factKeys
  RETURN collect(DISTINCT r) AS staleRelationships
}
WITH s, anchors, staleGroups, staleRelationships,
     [t IN tenures WHERE $sourceId IN t.sourceIds AND NOT t.id IN $tenureIds] AS staleTenures
CALL (staleRelationships, staleTenures) {
  UNWIND staleTenures + [r IN staleRelationships WHERE type(r) = 'SUCCEEDS' | startNode(r)] + [r IN staleRelationships WHERE type(r) = 'SUCCEEDS' | endNode(r)] AS t
  MATCH (t)-[:OF_POST]->(post:Post)
  RETURN collect(DISTINCT post.id) AS affectedPostIds
}
CALL (staleRelationships) {
  UNWIND staleRelationships AS r
  WITH r, [other IN r.sourceIds WHERE other <> $sourceId] AS remaining
  SET r.sourceIds = remaining, r.evidence = [entry IN r.evidence WHERE NOT entry STARTS WITH $evidencePrefix]
  WITH r, remaining WHERE size(remaining) = 0
  DELETE r
  RETURN count(*) AS relationshipsRemoved
}
CALL (staleTenures, staleGroups) {
  UNWIND staleTenures + staleGroups AS fact
  WITH fact, [other IN fact.sourceIds WHERE other <> $sourceId] AS remaining
  SET fact.sourceIds = remaining, fact.evidence = [entry IN fact.evidence WHERE NOT entry STARTS WITH $evidencePrefix]
  WITH fact, remaining WHERE size(remaining) = 0
  DETACH DELETE fact
  RETURN count(*) AS nodesRemoved
}
CALL (s) {
  OPTIONAL MATCH (s)-[m:MENTIONS]->(n:Entity)
  WHERE NOT n.id IN $entityIds
  DELETE m
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
       size(staleRelationships) + size(staleTenures) + size(staleGroups) - relationshipsRemoved - nodesRemoved AS factsKept,
       entitiesRemoved
