// source_facts: every fact the given sources support, as graph edges (a tenure is one HOLDS edge
// from the person to the post; a participant group is a HAS_PARTICIPANT_GROUP edge from the
// event to the group; a stated succession a SUCCEEDS edge between tenure ids). Facts are found through the entities each source mentions or refers to
// by id, so the work is bounded by their degree, never a scan of the graph.
// $sourceIds: list of source ids.
// Returns: sourceId, edge {type, source, target, properties}.
UNWIND $sourceIds AS sourceId
MATCH (s:Source {id: sourceId})
OPTIONAL MATCH (s)-[:MENTIONS]->(mentioned:Entity)
WITH s, sourceId, collect(DISTINCT mentioned) AS mentioned
CALL (s) {
  UNWIND coalesce(s.referencedIds, []) AS referencedId
  OPTIONAL MATCH (redirect:Redirect {id: referencedId})
  OPTIONAL MATCH (entity:Entity {id: coalesce(redirect.target, referencedId)})
  RETURN collect(DISTINCT entity) AS referenced
}
WITH sourceId, mentioned + [n IN referenced WHERE NOT n IN mentioned] AS anchors
CALL (sourceId, anchors) {
  UNWIND anchors AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE sourceId IN coalesce(r.sourceIds, [])
  RETURN {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)} AS edge
  UNION
  UNWIND anchors AS n
  MATCH (person:Person)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
  WHERE (person = n OR post = n) AND sourceId IN t.sourceIds
  RETURN {type: 'HOLDS', source: person.id, target: post.id, properties: properties(t)} AS edge
  UNION
  UNWIND anchors AS n
  MATCH (n:Person)-[:HOLDS]->(:Tenure)-[r:SUCCEEDS]-(:Tenure)
  WHERE sourceId IN coalesce(r.sourceIds, [])
  RETURN {type: 'SUCCEEDS', source: startNode(r).id, target: endNode(r).id, properties: properties(r)} AS edge
  UNION
  UNWIND anchors AS n
  MATCH (n:Event)-[:HAS_PARTICIPANT_GROUP]->(g:ParticipantGroup)
  WHERE sourceId IN g.sourceIds
  RETURN {type: 'HAS_PARTICIPANT_GROUP', source: n.id, target: g.id, properties: properties(g)} AS edge
}
RETURN sourceId, edge
ORDER BY sourceId, edge.type, edge.source, edge.target
