// export_entity_ids: the ids of the entities an export of records (Popolo, FtM) covers when it is
// not a neighbourhood: every entity but sources (whole graph, $source null), or the entities one
// source mentions. In id order, at most $limit.
// $source: a source id or null; $limit.  Returns: id.
CALL () {
  MATCH (n:Entity)
  WHERE $source IS NULL AND n.kind <> 'SOURCE'
  RETURN n.id AS id
  UNION
  MATCH (:Source {id: $source})-[:MENTIONS]->(n:Entity)
  RETURN n.id AS id
}
RETURN id
ORDER BY id
LIMIT $limit
