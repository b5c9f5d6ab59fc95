// shortest_paths: up to 20 shortest paths between two entities, walking edges either way,
// through entities and tenures only (never through sources or participant groups).
// A tenure counts as one hop (person HOLDS post), so the stored length may be up to twice $maxHops.
// With an "as of" day range, the walk skips tenures that start after $atLast or have a stated
// end before $atFirst, and entities (events, documents) dated after $atLast; partial stored
// dates compare correctly as strings against full days this way.
// $from, $to: entity ids; $maxHops: most logical hops; $candidates: how many paths;
// $atFirst, $atLast: first and last day of the "as of" date, or both null.
// Returns: nodes [properties], relationships [{type, source, target, properties}], in walking order.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 20 (a) (()-[r]-(x) WHERE type(r) <> 'MENTIONS' AND (x:Tenure OR (x:Entity AND NOT x:Source))
  AND ($atLast IS NULL OR (
    NOT coalesce(x.startDate, x.date, '') > $atLast
    AND (NOT x:Tenure OR x.endDate IS NULL OR left($atFirst, size(x.endDate)) <= x.endDate)))){1,16} (b)
WITH p, length(p) - size([n IN nodes(p) WHERE n:Tenure]) AS hops
WHERE hops <= $maxHops
WITH p, hops ORDER BY hops LIMIT $candidates
RETURN [n IN nodes(p) | n {.*, text: null, isTenure: n:Tenure}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS relationships,
       hops
