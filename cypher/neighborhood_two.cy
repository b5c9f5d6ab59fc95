// neighborhood_two: a whole neighbourhood of depth 2 or 3 in one statement. The centre (an id
// merged into another resolves to it), then up to three breadth-first levels (the
// neighborhood_ring fragment, walked while the level is at most $depth): each orders the rows
// of its step by entity id, cuts them at $rowLimit and keeps the entities not kept yet and of
// the kinds asked ($kinds, or null for all), nearest level first, until $limit entities (the
// centre included). Then every edge among them (edges_among). Level by level, as
// neighborhood_one does the first level; full properties are read only for the entities kept.
// truncated: some level's rows or entities were cut.
// $id; $depth (2 or 3; 1 works too); $limit; $rowLimit; $kinds; $includeSources; $atFirst,
// $atLast (or both null).
// $edgeProperties (see edges_among); $nodeProperties: false gives only id, kind and name.
// Returns nothing for an unknown id, else: centre (properties), nodes [properties without
// source text], truncated, edges [{type, source, target, properties}].
OPTIONAL MATCH (redirect:Redirect {id: $id})
MATCH (centre:Entity {id: coalesce(redirect.target, $id)})
WITH [centre] AS visited, 0 AS ringStart, false AS truncated, 1 AS level
{{neighborhood_ring visited ringStart truncated level}}
{{neighborhood_ring visited ringStart truncated level}}
{{neighborhood_ring visited ringStart truncated level}}
WITH visited[0] AS centre, visited[1..] AS reached, truncated, [m IN visited | m.id] AS ids
WITH centre, [m IN reached | CASE WHEN $nodeProperties THEN m {.*, text: null} ELSE m {.id, .kind, .name} END] AS nodes, truncated, ids
{{edges_among ids}}
RETURN properties(centre) AS centre, nodes, truncated, edges
