// shortest_paths: the two ends, each as its id resolves (an id merged into another entity stands
// for that entity), and up to $candidates shortest paths between them, walking relationships
// either way (the walk_step fragment: through entities only, never a source, never MENTIONS).
// One statement for the whole request, so that an unknown end costs no second round trip.
// A tenure is crossed in one step, by its derived (person)-[:HOLDS_POST]->(post) link, so a path's
// length is its number of hops, the SHORTEST search bounds hops directly, and the paths of the
// fewest hops come first. When more paths tie, which of them Neo4j keeps is its choice.
// A quantifier's bound cannot be a parameter, so there is one branch per value of $maxHops (1 to
// 8); only the branch whose WHERE holds runs. Nothing is searched when an end is unknown or both
// ends are one entity.
// With an "as of" day range, the walk crosses only tenures held on some day of it (their stored
// interval, copied onto the link) and entities that existed by $atLast.
// $from, $to: entity ids as asked; $maxHops: most hops (1 to 8); $candidates: how many paths (at
// most 20); $atFirst, $atLast: first and last day of the "as of" date, or both null;
// $nodeProperties: false gives nodes only their id, kind and name; $edgeProperties: false gives
// edges only what their ids are made of (a link's tenure id, a participation's role) and reads no
// tenure.
// Returns one row: fromId, toId (the ends' own ids, null when unknown), paths [{nodes [properties
// without source text], relationships [{type, source, target, properties}] in walking order, where
// a link is the HOLDS edge of its tenure (the tenure's properties), hops}], fewest hops first, then
// by the ids along the way.
OPTIONAL MATCH (fromRedirect:Redirect {id: $from})
OPTIONAL MATCH (a:Entity {id: coalesce(fromRedirect.target, $from)})
OPTIONAL MATCH (toRedirect:Redirect {id: $to})
OPTIONAL MATCH (b:Entity {id: coalesce(toRedirect.target, $to)})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
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
    OPTIONAL MATCH (t:Tenure {id: CASE WHEN $edgeProperties THEN r.tenureId END})
    WITH step, r, t ORDER BY step
    RETURN collect(CASE
      WHEN type(r) = 'HOLDS_POST' THEN {type: 'HOLDS', source: startNode(r).id, target: endNode(r).id,
        properties: CASE WHEN $edgeProperties THEN properties(t) ELSE {id: r.tenureId} END}
      ELSE {type: type(r), source: startNode(r).id, target: endNode(r).id,
        properties: CASE WHEN $edgeProperties THEN properties(r) ELSE r {.role} END} END) AS relationships
  }
  RETURN collect({
    nodes: [n IN nodes(p) | CASE WHEN $nodeProperties THEN n {.*, text: null} ELSE n {.id, .kind, .name} END],
    relationships: relationships,
    hops: length(p)
  }) AS paths
}
RETURN a.id AS fromId, b.id AS toId, coalesce(paths, []) AS paths
