// draft_existing_facts: which of a draft's facts the graph already holds (from any source).
// $tenureIds; $groupIds; $participations: [{key, person, event, role}];
// $relations: [{key, type, from, to}]
// Returns: one row: tenures, groups (ids found), participations, relations (keys found).
CALL () {
  UNWIND $tenureIds AS id
  MATCH (t:Tenure {id: id})
  RETURN collect(id) AS tenures
}
CALL () {
  UNWIND $groupIds AS id
  MATCH (g:ParticipantGroup {id: id})
  RETURN collect(id) AS groups
}
CALL () {
  UNWIND $participations AS p
  MATCH (:Person {id: p.person})-[:PARTICIPATED_IN {role: p.role}]->(:Event {id: p.event})
  RETURN collect(p.key) AS participations
}
CALL () {
  UNWIND $relations AS f
  MATCH (a:Entity {id: f.from})-[r]->(b:Entity {id: f.to})
  WHERE type(r) = f.type
  RETURN collect(DISTINCT f.key) AS relations
}
RETURN tenures, groups, participations, relations
