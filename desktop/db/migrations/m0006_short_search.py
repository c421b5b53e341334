"""Schema 6: the firm search index also answers text of one or two characters.

A trigram index cannot look up fewer than three characters, and Chinese searches are often two
(星辰). Schema 6 indexes each searched value with two U+001F characters after it: then every
place a character or a pair of characters occurs starts at least one indexed trigram, so the
trigrams that begin with the text (read from `firm_search_terms`, an fts5vocab table over the
index) name every firm that contains it. The padded values come from the view
`firm_search_text`, the index's external content; the triggers write the same padding.
"""
import peewee as pw

VERSION = 6

_SEARCHED = ("name", "name_en", "uscc", "name_initials")
PAD = "char(31, 31)"


def upgrade(database: pw.Database) -> None:
    for trigger in ("firm_search_insert", "firm_search_delete", "firm_search_update"):
        database.execute_sql(f'DROP TRIGGER "{trigger}"')
    database.execute_sql('DROP TABLE "firm_search"')
    padded = ", ".join(f"{column} || {PAD} AS {column}" for column in _SEARCHED)
    database.execute_sql(f'CREATE VIEW "firm_search_text" AS SELECT id, {padded} FROM firm')
    columns = ", ".join(_SEARCHED)
    database.execute_sql(
        f"CREATE VIRTUAL TABLE firm_search USING fts5({columns}, content='firm_search_text',"
        " content_rowid='id', tokenize='trigram')")
    database.execute_sql("CREATE VIRTUAL TABLE firm_search_terms USING fts5vocab(firm_search, row)")
    database.execute_sql("INSERT INTO firm_search (firm_search) VALUES ('rebuild')")
    new = ", ".join(f"NEW.{column} || {PAD}" for column in _SEARCHED)
    old = ", ".join(f"OLD.{column} || {PAD}" for column in _SEARCHED)
    for statement in (
            f"""CREATE TRIGGER firm_search_insert AFTER INSERT ON firm BEGIN
                INSERT INTO firm_search (rowid, {columns}) VALUES (NEW.id, {new}); END""",
            f"""CREATE TRIGGER firm_search_delete AFTER DELETE ON firm BEGIN
                INSERT INTO firm_search (firm_search, rowid, {columns})
                VALUES ('delete', OLD.id, {old}); END""",
            f"""CREATE TRIGGER firm_search_update AFTER UPDATE OF id, {columns} ON firm BEGIN
                INSERT INTO firm_search (firm_search, rowid, {columns})
                VALUES ('delete', OLD.id, {old});
                INSERT INTO firm_search (rowid, {columns}) VALUES (NEW.id, {new}); END"""):
        database.execute_sql(statement)
