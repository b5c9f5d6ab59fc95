// tenures_by_ids: tenures by id (a predecessor, a successor), with their stored interval and the
// organization (party) each was held on behalf of (onBehalfOfId, or null).
// $ids: tenure ids.  Returns: id, tenure [tenure record].
UNWIND $ids AS id
MATCH (person:Person)-[:HOLDS]->(t:Tenure {id: id})-[:OF_POST]->(post:Post)
RETURN id, t {.*, personId: person.id, postId: post.id, onBehalfOfId: COLLECT {
  MATCH (t)-[:ON_BEHALF_OF]->(party:Organization) RETURN party.id ORDER BY party.id LIMIT 1
}[0]} AS tenure
