// plan_role_holders: roleHolders(post) with what the request selected, in one statement for
// every roleHolders root field of a request asking the same days (src/plan/requestPlans.ts):
// each post (an id merged into another resolves to it), its tenures
// held on some day from $heldFirst to $heldLast (the tenure_held fragment) in succession order,
// at most $limit, as tenure_record gives them, and their holders when $withPersons.
// $posts; $heldFirst, $heldLast; $limit; $withPersons.
// Returns one row per known id: asked (the id as asked), post (properties), tenures [tenure record],
// persons [properties].
UNWIND $posts AS asked
OPTIONAL MATCH (redirect:Redirect {id: asked})
MATCH (post:Entity {id: coalesce(redirect.target, asked)})
CALL (post) {
  OPTIONAL MATCH (post:Post)<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(person:Person)
  WHERE {{tenure_held t $heldFirst $heldLast}}
  WITH t, person ORDER BY t.heldFrom IS NULL, t.heldFrom, t.id
  LIMIT $limit
  RETURN collect(CASE WHEN t IS NOT NULL THEN {{tenure_record t person post}} END) AS tenures,
         collect(CASE WHEN t IS NOT NULL AND $withPersons THEN properties(person) END) AS persons
}
RETURN asked, properties(post) AS post, tenures, persons
