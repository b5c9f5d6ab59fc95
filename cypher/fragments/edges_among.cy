// edges_among: a CALL block giving `edges`, every edge whose two ends are both among the entity
// ids IDS (a list): relationships between them (MENTIONS only when $includeSources) and the
// tenures held on some day from $atFirst to $atLast as HOLDS edges (the tenure_held fragment),
// each {type, source, target, properties}; the derived HOLDS_POST links are never an edge. Walks
// out of each entity once and keeps what lands inside, so a hub among them costs its degree, not
// a second ring. The two branches cannot give the same edge (a relationship between entities, a
// tenure), so they are joined without comparing rows (UNION ALL), and IDS must not repeat an id.
// $edgeProperties false leaves out what only the edges' properties and evidence need: the
// properties are then only those an edge's id is made of (a tenure's id, a participation's role).
// Included as {{edges_among ids}}.
CALL (IDS) {
  UNWIND IDS AS edgeFromId
  MATCH (a:Entity {id: edgeFromId})
  CALL (a, IDS) {
    MATCH (a)-[r]->(b:Entity)
    WHERE b.id IN IDS AND type(r) <> 'HOLDS_POST' AND (type(r) <> 'MENTIONS' OR $includeSources)
    RETURN {type: type(r), source: a.id, target: b.id, properties: CASE WHEN $edgeProperties THEN properties(r) ELSE r {.role} END} AS edge
    UNION ALL
    MATCH (a)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(b:Post)
    WHERE b.id IN IDS AND {{tenure_held t $atFirst $atLast}}
    RETURN {type: 'HOLDS', source: a.id, target: b.id, properties: CASE WHEN $edgeProperties THEN properties(t) ELSE t {.id} END} AS edge
  }
  RETURN collect(edge) AS edges
}
