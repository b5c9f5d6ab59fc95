// entity_page: one page of the entities of one kind, ordered by id, and how many match in all.
// Filters (each null to skip): $nameContains, lower-case text found in the name or an alias;
// $type, the orgType or eventType; $atFirst/$atLast, the first and last day of an "as of" date:
//   PERSON        held a post then: a tenure starting (startDate, else its earliest source) by
//                 $atLast and not over by $atFirst (stated endDate, else the start of a stated
//                 successor or of a later-starting tenure of the same post by someone else);
//   ORGANIZATION  one of its posts was held then (same rule);
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
    WHEN n.kind IN ['PERSON', 'ORGANIZATION'] THEN EXISTS {
      CALL (n) {
        MATCH (n:Person)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
        RETURN n AS holder, t, post
        UNION
        MATCH (n:Organization)<-[:POST_OF]-(post:Post)<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(holder:Person)
        RETURN holder, t, post
      }
      WITH holder, t, post, coalesce(t.startDate, COLLECT {
        MATCH (s:Source) WHERE s.id IN t.sourceIds AND s.publishedDate IS NOT NULL
        RETURN s.publishedDate ORDER BY s.publishedDate LIMIT 1
      }[0]) AS start
      WHERE start IS NOT NULL AND NOT start > $atLast
        AND CASE WHEN t.endDate IS NOT NULL THEN left($atFirst, size(t.endDate)) <= t.endDate
          ELSE NOT EXISTS {
            MATCH (post)<-[:OF_POST]-(next:Tenure)<-[:HOLDS]-(other:Person)
            WITH next, other, coalesce(next.startDate, COLLECT {
              MATCH (s:Source) WHERE s.id IN next.sourceIds AND s.publishedDate IS NOT NULL
              RETURN s.publishedDate ORDER BY s.publishedDate LIMIT 1
            }[0]) AS nextStart
            WHERE nextStart IS NOT NULL AND NOT nextStart > $atFirst
              AND ((next)-[:SUCCEEDS]->(t) OR (other <> holder
                AND nextStart + substring('-01-01', size(nextStart) - 4) > start + substring('-01-01', size(start) - 4)))
          } END
    }
    ELSE true END)
WITH n ORDER BY n.id
WITH collect(n) AS matching
WITH size(matching) AS totalCount, [m IN matching WHERE $after IS NULL OR m.id > $after] AS rest
RETURN totalCount, [m IN rest[..$first] | m {.*, text: null}] AS entities, size(rest) > $first AS hasNextPage
