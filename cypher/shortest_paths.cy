// shortest_paths: up to $candidates shortest paths between two entities, walking relationships
// either way (the walk_step fragment: through entities only, never a source, never MENTIONS).
// A tenure is crossed in one step, by its derived (person)-[:HOLDS_POST]->(post) link, so a path's
// length is its number of hops, the SHORTEST search bounds hops directly, and the paths of the
// fewest hops come first. When more paths tie, which of them Neo4j keeps is its choice.
// A quantifier's bound cannot be a parameter, so there is one branch per value of $maxHops (1 to
// 8); only the branch whose WHERE holds runs.
// With an "as of" day range, the walk crosses only tenures held on some day of it (their stored
// interval, copied onto the link) and entities that existed by $atLast.
// $from, $to: entity ids; $maxHops: most hops (1 to 8); $candidates: how many paths (at most 20);
// $atFirst, $atLast: first and last day of the "as of" date, or both null.
// Returns: nodes [properties without source text], relationships [{type, source, target,
// properties}] in walking order, where a link is the HOLDS edge of its tenure (the tenure's
// properties), and hops; fewest hops first, then by the ids along the way.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE $maxHops = 1
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,1} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops = 2
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,2} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops = 3
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,3} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops = 4
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,4} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops = 5
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,5} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops = 6
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,6} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops = 7
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,7} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops = 8
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE {{walk_step r x $atFirst $atLast}}){1,8} (b)
  RETURN p
}
WITH DISTINCT p
WITH p ORDER BY length(p), [n IN nodes(p) | n.id] LIMIT $candidates
CALL (p) {
  UNWIND range(0, length(p) - 1) AS step
  WITH step, relationships(p)[step] AS r
  OPTIONAL MATCH (t:Tenure {id: r.tenureId})
  WITH step, r, t ORDER BY step
  RETURN collect(CASE type(r)
    WHEN 'HOLDS_POST' THEN {type: 'HOLDS', source: startNode(r).id, target: endNode(r).id, properties: properties(t)}
    ELSE {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)} END) AS relationships
}
RETURN [n IN nodes(p) | n {.*, text: null}] AS nodes, relationships, length(p) AS hops
ORDER BY hops, [n IN nodes | n.id]
