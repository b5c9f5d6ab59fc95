// entities_by_identifier: the entities that carry each of the given identifiers, through the
// entity_identifiers full-text index (keyword analyzer: each "scheme:value" is one exact term),
// then checked exactly against the stored list.
// $identifiers: [{key: "scheme:value", query: the exact-term full-text query for key}].
// Returns: key, id, kind; in key and id order.
UNWIND $identifiers AS identifier
CALL db.index.fulltext.queryNodes('entity_identifiers', identifier.query) YIELD node
WITH identifier, node
WHERE identifier.key IN node.identifiers
RETURN identifier.key AS key, node.id AS id, node.kind AS kind
ORDER BY key, id
