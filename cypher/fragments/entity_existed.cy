// entity_existed: whether entity ENTITY already existed by the day LAST ('YYYY-MM-DD'; null asks
// nothing and is always true). An event counts from its startDate, a document from its date, a
// source from its publishedDate; a partial date counts from its first day, and an undated entity
// always counts. Included as {{entity_existed VARIABLE LAST}}.
(LAST IS NULL
  OR coalesce(ENTITY.startDate, ENTITY.date, ENTITY.publishedDate) IS NULL
  OR NOT coalesce(ENTITY.startDate, ENTITY.date, ENTITY.publishedDate) > LAST)
