// export_tenures: the tenures of the given persons, with their post, the party they were held on
// behalf of, and their evidence, in person, post and start order.
// $personIds.  Returns: tenure (properties), personId, postId, onBehalfOfId (or null).
UNWIND $personIds AS personId
MATCH (:Person {id: personId})-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
OPTIONAL MATCH (t)-[:ON_BEHALF_OF]->(party:Organization)
WITH t, personId, post, min(party.id) AS onBehalfOfId
RETURN properties(t) AS tenure, personId, post.id AS postId, onBehalfOfId
ORDER BY personId, postId, coalesce(t.startDate, ''), t.id
