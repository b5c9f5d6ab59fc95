// post_tenures: every tenure of posts (the whole succession of each), with attestation dates
// and stated successions, so "as of" and predecessor/successor can be worked out per post, and
// the organization (party) each was held on behalf of (onBehalfOfId, or null).
// $ids: post ids; $limit: most tenures per post.  Returns: id, tenures [tenure record].
UNWIND $ids AS id
MATCH (post:Post {id: id})<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(person:Person)
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
