// shortest_paths: up to 20 shortest paths between two entities, walking edges either way,
// through entities and tenures only (never through sources or participant groups).
// A tenure counts as one hop (person HOLDS post), so the stored length may be up to twice $maxHops.
// A path enters and leaves a tenure only by HOLDS and OF_POST (SUCCEEDS and ON_BEHALF_OF are not
// walked), so every tenure on a path folds into one person-HOLDS-post edge. The bound of $maxHops
// hops (non-tenure nodes after the first) is checked inside the search, before the 20 shortest
// are chosen, and the search runs once for each bound from 1 to $maxHops: the 20 shortest by
// stored steps among paths of at most 1 hop, of at most 2, and so on. So a path of few hops
// through tenures (two stored steps each) is never crowded out by paths of more hops with fewer
// stored steps, and the paths of the fewest hops always come first. When more paths tie, which
// of them Neo4j keeps is its choice.
// A quantifier's bound cannot be a parameter, and a search for 20 paths runs to its bound when
// fewer exist, so one branch per pair of $maxHops values bounds the walk (only the branch whose
// WHERE holds runs): a bound of 2 hops searches 4 stored steps, not 16.
// With an "as of" day range, the walk passes only through tenures held on some day of it (the
// tenure_held fragment: the stored interval) and entities that existed by $atLast (events,
// documents dated later are left out: the entity_existed fragment).
// $from, $to: entity ids; $maxHops: most logical hops; $candidates: how many paths;
// $atFirst, $atLast: first and last day of the "as of" date, or both null.
// Returns: nodes [properties], relationships [{type, source, target, properties}], in walking order,
// fewest hops first, then by the ids along the way.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
UNWIND range(1, $maxHops) AS bound
CALL (a, b, bound) {
  WITH a, b, bound WHERE bound >= 1 AND bound <= 2
  MATCH p = SHORTEST 20 ((a) (()-[r]-(x) WHERE NOT type(r) IN ['MENTIONS', 'SUCCEEDS', 'ON_BEHALF_OF']
    AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,4} (b)
    WHERE size([n IN x WHERE NOT n:Tenure]) <= bound)
  RETURN p
  UNION
  WITH a, b, bound WHERE bound >= 3 AND bound <= 4
  MATCH p = SHORTEST 20 ((a) (()-[r]-(x) WHERE NOT type(r) IN ['MENTIONS', 'SUCCEEDS', 'ON_BEHALF_OF']
    AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,8} (b)
    WHERE size([n IN x WHERE NOT n:Tenure]) <= bound)
  RETURN p
  UNION
  WITH a, b, bound WHERE bound >= 5 AND bound <= 6
  MATCH p = SHORTEST 20 ((a) (()-[r]-(x) WHERE NOT type(r) IN ['MENTIONS', 'SUCCEEDS', 'ON_BEHALF_OF']
    AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,12} (b)
    WHERE size([n IN x WHERE NOT n:Tenure]) <= bound)
  RETURN p
  UNION
  WITH a, b, bound WHERE bound >= 7 AND bound <= 8
  MATCH p = SHORTEST 20 ((a) (()-[r]-(x) WHERE NOT type(r) IN ['MENTIONS', 'SUCCEEDS', 'ON_BEHALF_OF']
    AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,16} (b)
    WHERE size([n IN x WHERE NOT n:Tenure]) <= bound)
  RETURN p
}
WITH DISTINCT p
WITH p, length(p) - size([n IN nodes(p) WHERE n:Tenure]) AS hops
WITH p, hops ORDER BY hops, [n IN nodes(p) | n.id] LIMIT $candidates
RETURN [n IN nodes(p) | n {.*, text: null, isTenure: n:Tenure}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS relationships,
       hops
