// person_matches: whether person PERSON passes the filters of the people connection:
// $nameContains (lower-case text in the name or an alias, or null) and $atFirst/$atLast (one of
// their tenures held then, by the tenure_held fragment; nulls ask nothing).
// Included as {{person_matches n}}.
(($nameContains IS NULL OR toLower(PERSON.name) CONTAINS $nameContains
   OR any(alias IN coalesce(PERSON.aliases, []) WHERE toLower(alias) CONTAINS $nameContains))
 AND ($atLast IS NULL OR EXISTS {
   MATCH (PERSON)-[:HOLDS]->(t:Tenure) WHERE {{tenure_held t $atFirst $atLast}}
 }))
