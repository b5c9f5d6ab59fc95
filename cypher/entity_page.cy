// entity_page: one page of the entities of one kind, ordered by id, and how many match in all.
// Filters (each null to skip): $nameContains, lower-case text found in the name or an alias;
// $type, the orgType or eventType; $atFirst/$atLast, the first and last day of an "as of" date:
//   PERSON        held a post then: one of their tenures is held then by the stored interval
//                 (the tenure_held fragment, the one "as of" rule);
//   ORGANIZATION  one of its posts was held then (same fragment);
//   EVENT         under way then (startDate to endDate, else its startDate, overlaps the date);
//   POLICY_THEME  addressed by an event under way then.
// Partial stored dates compare as intervals: "NOT s > $atLast" means s begins by $atLast, and
// "left($atFirst, size(e)) <= e" means e ends on or after $atFirst.
// $kind; $after: id the page starts after, or null; $first: most entities.
// Returns: totalCount, entities [properties without source text], hasNextPage.
MATCH (n:Entity)
WHERE n.kind = $kind
  AND ($nameContains IS NULL OR toLower(n.name) CONTAINS $nameContains
       OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $nameContains))
  AND ($type IS NULL OR coalesce(n.orgType, n.eventType) = $type)
  AND ($atLast IS NULL OR CASE
    WHEN n.kind = 'EVENT' THEN n.startDate IS NOT NULL AND NOT n.startDate > $atLast
      AND left($atFirst, size(coalesce(n.endDate, n.startDate))) <= coalesce(n.endDate, n.startDate)
    WHEN n.kind = 'POLICY_THEME' THEN EXISTS {
      MATCH (n)<-[:ADDRESSED]-(e:Event)
      WHERE e.startDate IS NOT NULL AND NOT e.startDate > $atLast
        AND left($atFirst, size(coalesce(e.endDate, e.startDate))) <= coalesce(e.endDate, e.startDate)
    }
    WHEN n.kind = 'PERSON' THEN EXISTS {
      MATCH (n)-[:HOLDS]->(t:Tenure) WHERE {{tenure_held t $atFirst $atLast}}
    }
    WHEN n.kind = 'ORGANIZATION' THEN EXISTS {
      MATCH (n)<-[:POST_OF]-(:Post)<-[:OF_POST]-(t:Tenure) WHERE {{tenure_held t $atFirst $atLast}}
    }
    ELSE true END)
WITH n ORDER BY n.id
WITH collect(n) AS matching
WITH size(matching) AS totalCount, [m IN matching WHERE $after IS NULL OR m.id > $after] AS rest
RETURN totalCount, [m IN rest[..$first] | m {.*, text: null}] AS entities, size(rest) > $first AS hasNextPage
