// walk_step: whether one step of a path search may take relationship REL to entity NODE. A step
// lands on an entity that is not a source (tenures, participant groups and passages are never
// walked through) and never takes MENTIONS. A tenure is crossed in one step by its derived
// (person)-[:HOLDS_POST]->(post) link (holds_post_store), which carries the tenure's held days,
// so with an "as of" day range from FIRST to LAST only tenures held on some day of it count (the
// tenure_held fragment, read on the link), and only entities that existed by LAST (the
// entity_existed fragment). Included as {{walk_step r x $atFirst $atLast}}.
(NODE:Entity AND NOT NODE:Source AND type(REL) <> 'MENTIONS'
  AND (type(REL) <> 'HOLDS_POST' OR {{tenure_held REL FIRST LAST}})
  AND {{entity_existed NODE LAST}})
