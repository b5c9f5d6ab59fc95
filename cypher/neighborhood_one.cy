// neighborhood_one: a whole depth-1 neighbourhood in one statement. The centre (an id merged
// into another resolves to it), one breadth-first step (the entity_edges fragment: entities
// that existed by $atLast, ordered by id, edge type, source and target, at most $rowLimit
// rows; neighborhood_two takes the same step from deeper rings), the first $limit - 1 other
// entities of the kinds asked ($kinds, or null for all) in that order, and every edge among the
// centre and them (edges_among).
// truncated: the rows or the entities were cut.
// $id; $limit; $rowLimit; $kinds; $includeSources; $atFirst, $atLast (or both null);
// $edgeProperties (see edges_among); $nodeProperties: false gives only id, kind and name.
// Returns nothing for an unknown id, else: centre (properties), nodes [properties without
// source text], truncated, edges [{type, source, target, properties}].
OPTIONAL MATCH (redirect:Redirect {id: $id})
MATCH (centre:Entity {id: coalesce(redirect.target, $id)})
CALL (centre) {
  CALL (centre) {
    {{entity_edges centre}}
  }
  WITH m, edge
  WHERE {{entity_existed m $atLast}}
  ORDER BY m.id, edge.type, edge.source, edge.target
  LIMIT $rowLimit
  RETURN collect(m) AS reached, count(*) AS rows
}
WITH centre, rows,
     [i IN range(0, size(reached) - 1)
      WHERE (i = 0 OR reached[i].id <> reached[i - 1].id) AND reached[i].id <> centre.id
        AND ($kinds IS NULL OR reached[i].kind IN $kinds) | reached[i]] AS others
WITH centre, others[..$limit - 1] AS nodes, rows >= $rowLimit OR size(others) > $limit - 1 AS truncated
WITH centre, nodes, truncated, [centre.id] + [node IN nodes | node.id] AS ids
{{edges_among ids}}
RETURN properties(centre) AS centre, truncated, edges,
       [node IN nodes | CASE WHEN $nodeProperties THEN node {.*, text: null} ELSE node {.id, .kind, .name} END] AS nodes
