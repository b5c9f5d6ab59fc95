// entities_by_ids: entities by id, for the per-request entity loader. An id that was merged
// into another entity (mergeEntities left a :Redirect) resolves to the entity it was merged into.
// $ids: list of ids.  Returns: id (as asked), entity (all properties, with the entity's own id).
UNWIND $ids AS id
OPTIONAL MATCH (redirect:Redirect {id: id})
MATCH (n:Entity {id: coalesce(redirect.target, id)})
RETURN id, properties(n) AS entity
