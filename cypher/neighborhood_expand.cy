// neighborhood_expand: one breadth-first step: every edge touching the frontier and the entity
// at its other end (the entity_edges fragment). A tenure (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post)
// is one HOLDS edge. With an "as of" day range, only tenures held on some day of it (the
// tenure_held fragment) and entities that existed by its last day (the entity_existed fragment)
// are walked to.
// $frontier: ids reached at the previous depth; $includeSources: whether MENTIONS edges count;
// $atFirst, $atLast: first and last day of the "as of" date, or both null;
// $rowLimit: most rows (the caller marks the result truncated when it is reached).
// Returns: node (properties of the other end, without source text), edge {type, source, target, properties}.
UNWIND $frontier AS frontierId
MATCH (n:Entity {id: frontierId})
CALL (n) {
  {{entity_edges n}}
}
WITH m, edge
WHERE {{entity_existed m $atLast}}
ORDER BY m.id, edge.type, edge.source, edge.target
LIMIT $rowLimit
RETURN m {.*, text: null} AS node, edge
