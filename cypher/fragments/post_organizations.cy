// post_organizations: the organizations post HELD_POST belongs to (POST_OF), as the related
// loader returns linked entities: [{entity, relationship}] in entity id order, at most MAX_ITEMS.
// Included as {{post_organizations post $limit}}.
COLLECT {
  MATCH (HELD_POST)-[r:POST_OF]->(org:Entity)
  WITH org, r ORDER BY org.id LIMIT MAX_ITEMS
  RETURN {entity: properties(org), relationship: properties(r)}
}
