// plan_people_page: one page of the people connection with what the request selected of each
// person's tenures, in one statement (src/plan/requestPlans.ts). The page is read in id order
// from the index and stops after $first + 1 people; totalCount counts every match only when
// $withTotalCount (else 0). Filters as entity_page's (the person_matches fragment). For each
// person on the page, the person_tenure_tree fragment (tenures held from $heldFirst to
// $heldLast, posts, organizations, each only when asked).
// $first; $after (id, or null); $nameContains; $atFirst, $atLast; $withTotalCount;
// $heldFirst, $heldLast; $limit; $withTenures, $withPosts, $withOrganizations.
// Returns: totalCount, hasNextPage, people [{entity (properties without source text), tenures, posts}].
CALL () {
  UNWIND CASE WHEN $withTotalCount THEN [true] ELSE [] END AS counting
  MATCH (n:Person)
  WHERE {{person_matches n}}
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Person)
  WHERE n.id > coalesce($after, '') AND {{person_matches n}}
  WITH n ORDER BY n.id
  LIMIT $first + 1
  RETURN collect(n) AS candidates
}
CALL (candidates) {
  UNWIND candidates[..$first] AS person
  {{person_tenure_tree person}}
  RETURN collect({entity: person {.*, text: null}, tenures: tenures, posts: posts}) AS people
}
RETURN totalCount, size(candidates) > $first AS hasNextPage, people
