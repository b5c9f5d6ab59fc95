// seeded_sources: which of the given source ids are in the graph (seeds loaded?).
// $ids: source ids.  Returns: id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id
