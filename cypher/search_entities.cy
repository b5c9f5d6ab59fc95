// search_entities: full-text search over names and aliases (index entity_names, CJK analyzer).
// $query: a Lucene query built from the user's text with every special character escaped;
// $kinds: list of kinds or null; $candidates: how many index hits to consider; $first: how many to return.
// Returns: entity (properties without the source text), score. Ordered and cut before the
// properties are read, so only the hits returned are projected.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC, node.id
LIMIT $first
RETURN node {.*, text: null} AS entity, score
