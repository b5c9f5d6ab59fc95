// person_colleagues: people who held posts in the same organizations as one person, or took part
// in the same events, and what they share. For organizations the pairs of tenures come back so
// the caller can keep only pairs held on an "as of" date; events that start after $atLast are
// left out here (they had not happened yet).
// $id: person id; $atLast: last day of the "as of" date, or null; $limit: most rows of each kind.
// Returns: colleagueId, shared (entity properties), tenures [{mine: {id, postId}, theirs: {id, postId}}]
// (empty for a shared event). Ordered by colleague, then organizations before events, then id.
MATCH (p:Person {id: $id})
CALL (p) {
  // Two patterns, so that a colleague holding the very same post is found too (one pattern
  // may not walk the same POST_OF relationship twice).
  MATCH (p)-[:HOLDS]->(mine:Tenure)-[:OF_POST]->(myPost:Post)-[:POST_OF]->(org:Organization)
  MATCH (org)<-[:POST_OF]-(theirPost:Post)<-[:OF_POST]-(theirs:Tenure)<-[:HOLDS]-(other:Person)
  WHERE other <> p
  WITH other, org, collect({mine: {id: mine.id, postId: myPost.id}, theirs: {id: theirs.id, postId: theirPost.id}}) AS tenures
  RETURN other, org AS shared, tenures
  ORDER BY other.id, shared.id
  LIMIT $limit
  UNION
  MATCH (p)-[:PARTICIPATED_IN]->(event:Event)<-[:PARTICIPATED_IN]-(other:Person)
  WHERE other <> p AND ($atLast IS NULL OR NOT coalesce(event.startDate, '') > $atLast)
  WITH DISTINCT other, event
  RETURN other, event AS shared, [] AS tenures
  ORDER BY other.id, shared.id
  LIMIT $limit
}
RETURN other.id AS colleagueId, shared {.*, text: null} AS shared, tenures
ORDER BY colleagueId, shared.kind DESC, shared.id
