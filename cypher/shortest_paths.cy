// shortest_paths: up to 20 shortest paths between two entities, walking edges either way,
// through entities and tenures only (never through sources or participant groups).
// A tenure counts as one hop (person HOLDS post), so the stored length may be up to twice $maxHops.
// A quantifier's bound cannot be a parameter, and a search for 20 paths runs to its bound when
// fewer exist, so one branch per pair of $maxHops values bounds the walk (only the branch whose
// WHERE holds runs): maxHops 2 searches 4 stored hops, not 16.
// With an "as of" day range, the walk passes only through tenures held on some day of it (the
// tenure_held fragment: the stored interval) and entities that existed by $atLast (events,
// documents dated later are left out: the entity_existed fragment).
// $from, $to: entity ids; $maxHops: most logical hops; $candidates: how many paths;
// $atFirst, $atLast: first and last day of the "as of" date, or both null.
// Returns: nodes [properties], relationships [{type, source, target, properties}], in walking order,
// shortest first, then by the ids along the way (the same graph always gives the same answer).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE $maxHops >= 1 AND $maxHops <= 2
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE type(r) <> 'MENTIONS' AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,4} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops >= 3 AND $maxHops <= 4
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE type(r) <> 'MENTIONS' AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,8} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops >= 5 AND $maxHops <= 6
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE type(r) <> 'MENTIONS' AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,12} (b)
  RETURN p
  UNION
  WITH a, b WHERE $maxHops >= 7 AND $maxHops <= 8
  MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE type(r) <> 'MENTIONS' AND (x:Tenure OR (x:Entity AND NOT x:Source))
    AND CASE WHEN x:Tenure THEN {{tenure_held x $atFirst $atLast}} ELSE {{entity_existed x $atLast}} END){1,16} (b)
  RETURN p
}
WITH p, length(p) - size([n IN nodes(p) WHERE n:Tenure]) AS hops
WHERE hops <= $maxHops
WITH p, hops ORDER BY hops, [n IN nodes(p) | n.id] LIMIT $candidates
RETURN [n IN nodes(p) | n {.*, text: null, isTenure: n:Tenure}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS relationships,
       hops
