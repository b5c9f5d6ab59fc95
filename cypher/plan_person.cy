// plan_person: person(id) with what the request selected of their tenures, in one statement
// for every person(id) root field of a request (src/plan/requestPlans.ts): each person (an id
// merged into another resolves to it) and the
// person_tenure_tree fragment (tenures held from $heldFirst to $heldLast, their posts and the
// posts' organizations, each only when asked).
// $ids; $heldFirst, $heldLast; $limit; $withTenures, $withPosts, $withOrganizations.
// Returns one row per known id: id (as asked), person (properties), tenures [tenure record],
// posts [{post, organizations [{entity, relationship}]}].
UNWIND $ids AS id
OPTIONAL MATCH (redirect:Redirect {id: id})
MATCH (person:Entity {id: coalesce(redirect.target, id)})
{{person_tenure_tree person}}
RETURN id, properties(person) AS person, tenures, posts
