// holds_post_missing: the posts whose derived HOLDS_POST relationships (holds_post_store) do not
// match their tenures: a store written before they existed, or by a tool that bypassed the
// interval step. Read at start-up only when the count store says the two numbers differ.
// $limit: most post ids.  Returns: postId.
MATCH (post:Post)
WHERE COUNT { (post)<-[:OF_POST]-(:Tenure)<-[:HOLDS]-(:Person) } <> COUNT { (post)<-[:HOLDS_POST]-(:Person) }
   OR EXISTS {
     MATCH (post)<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(person:Person)
     WHERE NOT EXISTS { (person)-[link:HOLDS_POST]->(post) WHERE link.tenureId = t.id AND coalesce(link.heldFrom, '') = coalesce(t.heldFrom, '') AND coalesce(link.heldTo, '') = coalesce(t.heldTo, '') }
   }
RETURN post.id AS postId
LIMIT $limit
