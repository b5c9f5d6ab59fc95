// entity_edges: the UNION branches of one breadth-first step from entity NODE: every edge
// between NODE and another entity m (MENTIONS only when $includeSources), and a tenure
// (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post) as one HOLDS edge when held on some day from
// $atFirst to $atLast (the tenure_held fragment); the derived HOLDS_POST links (holds_post_store)
// are never an edge. Each branch returns m and
// edge {type, source, target, properties}. Included inside CALL (NODE) { ... } as {{entity_edges n}}.
MATCH (NODE)-[r]-(m:Entity)
WHERE type(r) <> 'HOLDS_POST' AND (type(r) <> 'MENTIONS' OR $includeSources)
RETURN m, {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)} AS edge
UNION
MATCH (NODE)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(m:Post)
WHERE {{tenure_held t $atFirst $atLast}}
RETURN m, {type: 'HOLDS', source: NODE.id, target: m.id, properties: properties(t)} AS edge
UNION
MATCH (NODE)<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(m:Person)
WHERE {{tenure_held t $atFirst $atLast}}
RETURN m, {type: 'HOLDS', source: m.id, target: NODE.id, properties: properties(t)} AS edge
