// organization_interlocks: people who held posts in both of two organizations (an interlock),
// with their tenures in each; with an "as of" day range, only tenures held on some day of it
// (the tenure_held fragment), and only people holding posts in both then.
// $orgA, $orgB: organization ids; $atFirst, $atLast: 'YYYY-MM-DD' or both null; $limit: most people.
// Returns: personId, tenuresA [tenure record], tenuresB [tenure record], ordered by personId.
MATCH (:Organization {id: $orgA})<-[:POST_OF]-(postA:Post)<-[:OF_POST]-(ta:Tenure)<-[:HOLDS]-(person:Person)
WHERE {{tenure_held ta $atFirst $atLast}}
WITH person, collect(ta {.*, personId: person.id, postId: postA.id}) AS tenuresA
MATCH (:Organization {id: $orgB})<-[:POST_OF]-(postB:Post)<-[:OF_POST]-(tb:Tenure)<-[:HOLDS]-(person)
WHERE {{tenure_held tb $atFirst $atLast}}
WITH person, tenuresA, collect(tb {.*, personId: person.id, postId: postB.id}) AS tenuresB
RETURN person.id AS personId, tenuresA, tenuresB
ORDER BY personId
LIMIT $limit
