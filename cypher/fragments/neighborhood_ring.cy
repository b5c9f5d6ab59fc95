// neighborhood_ring: one breadth-first level of a neighbourhood, as clauses that take one row of
// state and give it back: VISITED, the entities kept so far in answer order (the centre first);
// RING_START, where the last ring kept starts in VISITED (it is the frontier); CUT, whether
// anything was cut; LEVEL, this level's number (only walked when LEVEL <= $depth).
// The step from each frontier entity n: every relationship between n and another entity m
// (MENTIONS only when $includeSources, never HOLDS_POST), and a tenure held on some day from
// $atFirst to $atLast (the tenure_held fragment) as one step person -> post or post -> person;
// m only when it existed by $atLast (entity_existed). These are entity_edges' rows, one per
// relationship or tenure (the same rows, since the write path MERGEs one relationship per type,
// ends and role, HOLDS always leaves a Person and OF_POST always reaches a Post), without the
// edge maps, which only the edges among the kept entities need. The rows are ordered by m.id
// and cut at $rowLimit; the ones not yet in VISITED and of the kinds asked ($kinds, null for
// all) are added in that order until VISITED holds $limit entities. CUT becomes true when
// $rowLimit rows were reached or an entity had to be left out.
// The rows are sorted with only single values on them: VISITED is turned into rows (one per
// kept entity, a marker row with m null) before the walk and gathered again after the sort,
// since every row a sort keeps costs memory for every list on it.
// Included as {{neighborhood_ring visited ringStart truncated level}}, several times in a row.
UNWIND range(0, size(VISITED) - 1) AS position
WITH CUT AS cutBefore, LEVEL AS level, position, VISITED[position] AS node, position >= RING_START AS frontier, count(*) AS copies
CALL (node, frontier, level) {
  RETURN null AS m
  UNION ALL
  WITH node WHERE frontier AND level <= $depth
  CALL (node) {
    MATCH (node)-[r]-(m:Entity)
    WHERE (type(r) <> 'MENTIONS' OR $includeSources) AND type(r) <> 'HOLDS_POST'
    RETURN m, r AS step
    UNION
    MATCH (node)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(m:Post)
    WHERE node:Person AND {{tenure_held t $atFirst $atLast}}
    RETURN m, t AS step
    UNION
    MATCH (node)<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(m:Person)
    WHERE node:Post AND {{tenure_held t $atFirst $atLast}}
    RETURN m, t AS step
  }
  WITH m WHERE {{entity_existed m $atLast}}
  RETURN m
}
WITH cutBefore, level, position, node, m
ORDER BY m IS NOT NULL, m.id, position
LIMIT $rowLimit + $limit
WITH cutBefore, level, collect(CASE WHEN m IS NULL THEN node END) AS kept, collect(m)[..$rowLimit] AS reached
WITH kept, level, cutBefore OR size(reached) >= $rowLimit AS cutRows,
     [i IN range(0, size(reached) - 1)
      WHERE (i = 0 OR reached[i] <> reached[i - 1]) AND NOT reached[i] IN kept
        AND ($kinds IS NULL OR reached[i].kind IN $kinds) | reached[i]] AS fresh
WITH kept + fresh[..$limit - size(kept)] AS VISITED, size(kept) AS RING_START,
     cutRows OR size(fresh) > $limit - size(kept) AS CUT, level + 1 AS LEVEL
