// merge_entity_tenures: the tenures of the entity being merged away (as person or as post), so
// they can be re-keyed onto the entity that stays.
// $drop: entity id.  Returns: id, personId, postId, startDate.
MATCH (drop:Entity {id: $drop})
CALL (drop) {
  MATCH (drop)-[:HOLDS]->(t:Tenure)
  RETURN t
  UNION
  MATCH (drop)<-[:OF_POST]-(t:Tenure)
  RETURN t
}
MATCH (person:Person)-[:HOLDS]->(t)-[:OF_POST]->(post:Post)
RETURN t.id AS id, person.id AS personId, post.id AS postId, t.startDate AS startDate
ORDER BY id
