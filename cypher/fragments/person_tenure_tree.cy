// person_tenure_tree: a CALL block giving, for person HOLDER, what a planned request asks of
// their tenures: `tenures`, the tenures held on some day from $heldFirst to $heldLast (the
// tenure_held fragment) in succession order, at most $limit, as tenure_record gives them (none
// unless $withTenures); and `posts`, those tenures' posts [{post, organizations}] when
// $withPosts, with their organizations (post_organizations) when $withOrganizations.
// Included as {{person_tenure_tree person}}.
CALL (HOLDER) {
  OPTIONAL MATCH (HOLDER)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
  WHERE $withTenures AND {{tenure_held t $heldFirst $heldLast}}
  WITH t, post ORDER BY t.heldFrom IS NULL, t.heldFrom, t.id
  LIMIT $limit
  RETURN collect(CASE WHEN t IS NOT NULL THEN {{tenure_record t HOLDER post}} END) AS tenures,
         collect(CASE WHEN t IS NOT NULL AND $withPosts THEN {
           post: properties(post),
           organizations: CASE WHEN $withOrganizations THEN {{post_organizations post $limit}} ELSE [] END
         } END) AS posts
}
