// theme_people: people who took part in events that addressed policy themes, one page per theme,
// ordered by person id, with how many there are in all.
// $pages: [{key, id (theme id), after (person id or null), first}].
// Returns: key, totalCount, people [person properties] (at most `first`), hasNextPage.
UNWIND $pages AS page
MATCH (theme:PolicyTheme {id: page.id})
CALL (theme, page) {
  MATCH (theme)<-[:ADDRESSED]-(:Event)<-[:PARTICIPATED_IN]-(person:Person)
  WITH DISTINCT person
  ORDER BY person.id
  WITH collect(person) AS everyone
  WITH everyone, [person IN everyone WHERE page.after IS NULL OR person.id > page.after] AS rest
  RETURN size(everyone) AS totalCount, [person IN rest[..page.first] | properties(person)] AS people,
         size(rest) > page.first AS hasNextPage
}
RETURN page.key AS key, totalCount, people, hasNextPage
