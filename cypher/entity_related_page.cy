// entity_related_page: one page of the entities linked to given entities by one relationship type
// in one direction, in id order, with how many there are in all: the connection form of the
// nested lists that can grow large (Organization.postsConnection, PolicyTheme.eventsConnection, ...).
// $pages: [{key, id, type, direction: "OUT" | "IN", after (id or null), first}].
// Returns: key, totalCount, entities [properties without source text] (at most `first`), hasNextPage.
UNWIND $pages AS page
MATCH (n:Entity {id: page.id})
CALL (n, page) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) = page.type
    AND CASE page.direction WHEN 'OUT' THEN startNode(r) = n ELSE endNode(r) = n END
  WITH DISTINCT m
  ORDER BY m.id
  WITH collect(m) AS everyone
  WITH everyone, [m IN everyone WHERE page.after IS NULL OR m.id > page.after] AS rest
  RETURN size(everyone) AS totalCount, [m IN rest[..page.first] | m {.*, text: null}] AS entities,
         size(rest) > page.first AS hasNextPage
}
RETURN page.key AS key, totalCount, entities, hasNextPage
