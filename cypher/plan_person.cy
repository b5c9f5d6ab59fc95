// plan_person: person(id) with what the request selected of their tenures, in one statement
// (src/plan/requestPlans.ts): the person (an id merged into another resolves to it) and the
// person_tenure_tree fragment (tenures held from $heldFirst to $heldLast, their posts and the
// posts' organizations, each only when asked).
// $id; $heldFirst, $heldLast; $limit; $withTenures, $withPosts, $withOrganizations.
// Returns nothing for an unknown id, else: person (properties), tenures [tenure record],
// posts [{post, organizations [{entity, relationship}]}].
OPTIONAL MATCH (redirect:Redirect {id: $id})
MATCH (person:Entity {id: coalesce(redirect.target, $id)})
{{person_tenure_tree person}}
RETURN properties(person) AS person, tenures, posts
