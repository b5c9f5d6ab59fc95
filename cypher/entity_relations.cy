// entity_relations: entities linked to given entities by one relationship type in one direction,
// batched for all the nested list fields of a request (themes, documents, organizers, parent, ...).
// $keys: [{key, id, type, direction: "OUT" | "IN"}]; $limit: most related entities per key.
// Returns: key, related [{entity (properties), relationship (properties)}] ordered by entity id.
UNWIND $keys AS k
MATCH (n:Entity {id: k.id})
CALL (n, k) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) = k.type
    AND CASE k.direction WHEN 'OUT' THEN startNode(r) = n ELSE endNode(r) = n END
  RETURN m, r
  ORDER BY m.id
  LIMIT $limit
}
RETURN k.key AS key, collect({entity: properties(m), relationship: properties(r)}) AS related
