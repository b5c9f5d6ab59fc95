// person_colleagues: people who held posts in the same organizations as one person, or took part
// in the same events, and what they share. With an "as of" day range, only organizations where
// both held a post on some day of it (the tenure_held fragment on both tenures) and events that
// had started by its last day (the entity_existed fragment).
// $id: person id; $atFirst, $atLast: first and last day of the "as of" date, or both null;
// $limit: most rows of each kind.
// Returns: colleagueId, shared (entity properties), ordered by colleague, then organizations
// before events, then id.
MATCH (p:Person {id: $id})
CALL (p) {
  // Two patterns, so that a colleague holding the very same post is found too (one pattern
  // may not walk the same POST_OF relationship twice).
  MATCH (p)-[:HOLDS]->(mine:Tenure)-[:OF_POST]->(:Post)-[:POST_OF]->(org:Organization)
  WHERE {{tenure_held mine $atFirst $atLast}}
  MATCH (org)<-[:POST_OF]-(:Post)<-[:OF_POST]-(theirs:Tenure)<-[:HOLDS]-(other:Person)
  WHERE other <> p AND {{tenure_held theirs $atFirst $atLast}}
  WITH DISTINCT other, org
  RETURN other, org AS shared
  ORDER BY other.id, shared.id
  LIMIT $limit
  UNION
  MATCH (p)-[:PARTICIPATED_IN]->(event:Event)<-[:PARTICIPATED_IN]-(other:Person)
  WHERE other <> p AND {{entity_existed event $atLast}}
  WITH DISTINCT other, event
  RETURN other, event AS shared
  ORDER BY other.id, shared.id
  LIMIT $limit
}
RETURN other.id AS colleagueId, shared {.*, text: null} AS shared
ORDER BY colleagueId, shared.kind DESC, shared.id
