// person_tenures: the tenures of people, with the earliest publication date of their sources
// (the attestation that bounds an unknown start), the tenures they are stated to succeed, and the
// organization (party) each was held on behalf of (onBehalfOfId, or null).
// $ids: person ids; $limit: most tenures per person.  Returns: id, tenures [tenure record].
UNWIND $ids AS id
MATCH (person:Person {id: id})-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
OPTIONAL MATCH (t)-[:SUCCEEDS]->(earlier:Tenure)
WITH id, person, post, t, collect(earlier.id) AS succeeds
CALL (t) {
  OPTIONAL MATCH (source:Source) WHERE source.id IN t.sourceIds
  RETURN min(source.publishedDate) AS attestedFrom
}
CALL (t) {
  OPTIONAL MATCH (t)-[:ON_BEHALF_OF]->(party:Organization)
  RETURN min(party.id) AS onBehalfOfId
}
WITH id, t {.*, personId: person.id, postId: post.id, attestedFrom: attestedFrom, succeeds: succeeds, onBehalfOfId: onBehalfOfId} AS tenure
ORDER BY tenure.id
RETURN id, collect(tenure)[..$limit] AS tenures
