// tenure_interval_inputs: what the tenure-interval rule (src/model/tenureIntervals.ts) needs to
// know of posts: their seats and, for each tenure, its stated dates, the end of its term, the
// publication dates of its sources and the tenures it is stated to succeed.
// $postIds: post ids; $tenureIds: tenure ids whose posts count too (for successions).
// Returns: postId, seats, tenures [{id, startDate, endDate, termEnd, sourceDates, succeeds}].
CALL () {
  UNWIND $postIds AS postId
  MATCH (post:Post {id: postId})
  RETURN post
  UNION
  UNWIND $tenureIds AS tenureId
  MATCH (:Tenure {id: tenureId})-[:OF_POST]->(post:Post)
  RETURN post
}
WITH DISTINCT post
CALL (post) {
  OPTIONAL MATCH (post)<-[:OF_POST]-(t:Tenure)
  WITH t WHERE t IS NOT NULL
  RETURN collect({
    id: t.id,
    startDate: t.startDate,
    endDate: t.endDate,
    termEnd: t.termEnd,
    sourceDates: COLLECT {
      MATCH (source:Source) WHERE source.id IN t.sourceIds AND source.publishedDate IS NOT NULL
      RETURN source.publishedDate
    },
    succeeds: COLLECT { MATCH (t)-[:SUCCEEDS]->(earlier:Tenure) RETURN earlier.id }
  }) AS tenures
}
RETURN post.id AS postId, post.seats AS seats, tenures
