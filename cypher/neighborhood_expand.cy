// neighborhood_expand: one breadth-first step: every edge touching the frontier and the entity
// at its other end. A tenure (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post) is one HOLDS edge.
// With an "as of" day range, only tenures held on some day of it (the tenure_held fragment) and
// entities that existed by its last day (the entity_existed fragment) are walked to.
// $frontier: ids reached at the previous depth; $includeSources: whether MENTIONS edges count;
// $atFirst, $atLast: first and last day of the "as of" date, or both null;
// $rowLimit: most rows (the caller marks the result truncated when it is reached).
// Returns: node (properties of the other end, without source text), edge {type, source, target, properties}.
UNWIND $frontier AS frontierId
MATCH (n:Entity {id: frontierId})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) <> 'MENTIONS' OR $includeSources
  RETURN m, {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)} AS edge
  UNION
  MATCH (n)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(m:Post)
  WHERE {{tenure_held t $atFirst $atLast}}
  RETURN m, {type: 'HOLDS', source: n.id, target: m.id, properties: properties(t)} AS edge
  UNION
  MATCH (n)<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(m:Person)
  WHERE {{tenure_held t $atFirst $atLast}}
  RETURN m, {type: 'HOLDS', source: m.id, target: n.id, properties: properties(t)} AS edge
}
WITH m, edge
WHERE {{entity_existed m $atLast}}
ORDER BY m.id, edge.type, edge.source, edge.target
LIMIT $rowLimit
RETURN m {.*, text: null} AS node, edge
