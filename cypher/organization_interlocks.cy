// organization_interlocks: people who held posts in both of two organizations (an interlock),
// with their tenures in each.
// $orgA, $orgB: organization ids; $limit: most people.
// Returns: personId, tenuresA [{id, postId}], tenuresB [{id, postId}], ordered by personId.
MATCH (:Organization {id: $orgA})<-[:POST_OF]-(postA:Post)<-[:OF_POST]-(ta:Tenure)<-[:HOLDS]-(person:Person)
WITH person, collect({id: ta.id, postId: postA.id}) AS tenuresA
MATCH (:Organization {id: $orgB})<-[:POST_OF]-(postB:Post)<-[:OF_POST]-(tb:Tenure)<-[:HOLDS]-(person)
WITH person, tenuresA, collect({id: tb.id, postId: postB.id}) AS tenuresB
RETURN person.id AS personId, tenuresA, tenuresB
ORDER BY personId
LIMIT $limit
