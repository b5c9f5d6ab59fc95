// bulk_empty_aliases: gives entities without aliases the empty list that bulk_entities.cy and
// bulk_sources.cy store, after a first load (neo4j-admin import cannot store an empty list).
// Run repeatedly until it updates nothing, so that no transaction holds every entity.
// $limit: entities per transaction.
// Returns: updated (how many entities got the empty list).
MATCH (n:Entity)
WHERE n.aliases IS NULL
WITH n LIMIT $limit
SET n.aliases = []
RETURN count(n) AS updated
