// entities_by_ids: entities by id, for the per-request entity loader.
// $ids: list of ids.  Returns: id, entity (all properties).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS entity
