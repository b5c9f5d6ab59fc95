// schema_constraints: uniqueness of every label's id and the indexes the queries need.
// Several statements, run one by one at start-up; each is idempotent (IF NOT EXISTS).
// $params: none.  Returns: nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_theme_id IF NOT EXISTS FOR (n:PolicyTheme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tenure_id IF NOT EXISTS FOR (n:Tenure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT participant_group_id IF NOT EXISTS FOR (n:ParticipantGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (n:Redirect) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_batch_id IF NOT EXISTS FOR (n:ImportBatch) REQUIRE n.id IS UNIQUE;
CREATE INDEX redirect_target IF NOT EXISTS FOR (n:Redirect) ON (n.target);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX source_published_date IF NOT EXISTS FOR (n:Source) ON (n.publishedDate);
CREATE INDEX event_start_date IF NOT EXISTS FOR (n:Event) ON (n.startDate);
CREATE INDEX tenure_held_from IF NOT EXISTS FOR (n:Tenure) ON (n.heldFrom);
CREATE INDEX tenure_held_to IF NOT EXISTS FOR (n:Tenure) ON (n.heldTo);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// Identifiers ("wikidata:Q7747") are a list on each entity; a range index cannot answer "this
// value is in the list", a full-text index with the keyword analyzer keeps every element whole.
CREATE FULLTEXT INDEX entity_identifiers IF NOT EXISTS FOR (n:Entity) ON EACH [n.identifiers]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
CREATE FULLTEXT INDEX passage_text IF NOT EXISTS FOR (n:Passage) ON EACH [n.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CALL db.awaitIndexes(300);
