"""Schema 5: the firm list at provincial scale, and a version of each firm's facts.

- `firm.data_version`: changes whenever anything a verdict reads changes — the firm row itself,
  its fiscal years, market positions, annual assessments, evidence items, attachments,
  applications and manual decisions. SQLite triggers set it, so every writer (services, imports,
  bulk paths, packages, undo) keeps it right. The value comes from one database-wide clock
  (`data_clock`), never from a per-firm counter: a firm deleted and inserted again with the same
  id (undo of a delete) cannot come back with a version an old cache entry still holds.
- `firm.last_year`, `firm.last_revenue`, `firm.open_applications`: the firm list's columns
  (latest fiscal year and its operating revenue; applications not yet decided), kept by the
  same triggers, so a page of the list reads the firm table alone.
- `firm_search`: an FTS5 index with the trigram tokenizer (SQLite 3.34 or later) over the
  name, the English name, the USCC and the pinyin initials: substring search (Chinese
  included) without reading every row. An external-content table over `firm`, kept by triggers
  and rebuilt here for the existing firms.
- An index on (archived, name): the list's default filter and order in one index, so a page
  deep in the list skips its predecessors in the index without reading their rows.
"""
import peewee as pw

VERSION = 5

OPEN_STATUSES = "('draft', 'ready', 'submitted', 'returned', 'recommended')"

# Tables whose rows feed a verdict: how a row names its firm.
_FIRM_OF = {
    "fiscal_year": "{row}.firm_id",
    "market_position": "{row}.firm_id",
    "annual_assessment": "{row}.firm_id",
    "evidence_item": "{row}.firm_id",
    "application": "{row}.firm_id",
    "attachment": "(SELECT firm_id FROM evidence_item WHERE id = {row}.evidence_id)",
    "manual_decision": "(SELECT firm_id FROM application WHERE id = {row}.application_id)",
}

# Columns of `firm` a change of the table also recomputes.
_DERIVED = {
    "fiscal_year": (
        "last_year = (SELECT max(year) FROM fiscal_year WHERE firm_id = firm.id), "
        "last_revenue = (SELECT operating_revenue FROM fiscal_year WHERE firm_id = firm.id"
        " ORDER BY year DESC LIMIT 1), "),
    "application": (
        "open_applications = (SELECT count(*) FROM application WHERE firm_id = firm.id"
        f" AND status IN {OPEN_STATUSES}), "),
}

_TICK = "UPDATE data_clock SET value = value + 1 WHERE id = 1;"
_NOW = "(SELECT value FROM data_clock WHERE id = 1)"
_SEARCHED = ("name", "name_en", "uscc", "name_initials")


def _triggers() -> list[str]:
    statements = [
        # The firm row: a new firm, or any change of its own columns (the triggers below set
        # data_version themselves, which this one leaves alone).
        f"""CREATE TRIGGER firm_version_insert AFTER INSERT ON firm BEGIN {_TICK}
            UPDATE firm SET data_version = {_NOW} WHERE id = NEW.id; END""",
        f"""CREATE TRIGGER firm_version_update AFTER UPDATE ON firm
            WHEN NEW.data_version = OLD.data_version BEGIN {_TICK}
            UPDATE firm SET data_version = {_NOW} WHERE id = NEW.id; END""",
        f"CREATE TRIGGER firm_version_delete AFTER DELETE ON firm BEGIN {_TICK} END",
    ]
    for table, firm_of in _FIRM_OF.items():
        derived = _DERIVED.get(table, "")
        for event, rows in (("insert", ("NEW",)), ("update", ("OLD", "NEW")),
                            ("delete", ("OLD",))):
            firms = ", ".join(firm_of.format(row=row) for row in rows)
            statements.append(
                f"""CREATE TRIGGER {table}_version_{event} AFTER {event.upper()} ON {table}
                BEGIN {_TICK} UPDATE firm SET {derived}data_version = {_NOW}
                WHERE id IN ({firms}); END""")
    new = ", ".join(f"NEW.{column}" for column in _SEARCHED)
    old = ", ".join(f"OLD.{column}" for column in _SEARCHED)
    columns = ", ".join(_SEARCHED)
    statements += [
        f"""CREATE TRIGGER firm_search_insert AFTER INSERT ON firm BEGIN
            INSERT INTO firm_search (rowid, {columns}) VALUES (NEW.id, {new}); END""",
        f"""CREATE TRIGGER firm_search_delete AFTER DELETE ON firm BEGIN
            INSERT INTO firm_search (firm_search, rowid, {columns})
            VALUES ('delete', OLD.id, {old}); END""",
        f"""CREATE TRIGGER firm_search_update AFTER UPDATE OF id, {columns} ON firm BEGIN
            INSERT INTO firm_search (firm_search, rowid, {columns})
            VALUES ('delete', OLD.id, {old});
            INSERT INTO firm_search (rowid, {columns}) VALUES (NEW.id, {new}); END""",
    ]
    return statements


def upgrade(database: pw.Database) -> None:
    # Plain ADD COLUMN (in place in SQLite); see m0002 for why not peewee's migrator.
    for column in ("data_version INTEGER NOT NULL DEFAULT 0", "last_year INTEGER",
                   "last_revenue INTEGER", "open_applications INTEGER NOT NULL DEFAULT 0"):
        database.execute_sql(f'ALTER TABLE "firm" ADD COLUMN {column}')
    database.execute_sql(
        'CREATE TABLE "data_clock" ("id" INTEGER NOT NULL PRIMARY KEY, "value" INTEGER NOT NULL)')
    database.execute_sql('INSERT INTO "data_clock" ("id", "value") VALUES (1, 0)')
    database.execute_sql(
        "UPDATE firm SET "
        + _DERIVED["fiscal_year"] + _DERIVED["application"]
        + "data_version = data_version")
    # Every existing firm starts at a version of its own (its id: distinct, no counting).
    database.execute_sql("UPDATE firm SET data_version = id")
    database.execute_sql(
        'UPDATE data_clock SET value = (SELECT coalesce(max(data_version), 0) FROM firm)')
    database.execute_sql('CREATE INDEX "firm_archived_name" ON "firm" ("archived", "name")')
    database.execute_sql(
        "CREATE VIRTUAL TABLE firm_search USING fts5(" + ", ".join(_SEARCHED)
        + ", content='firm', content_rowid='id', tokenize='trigram')")
    database.execute_sql("INSERT INTO firm_search (firm_search) VALUES ('rebuild')")
    for statement in _triggers():
        database.execute_sql(statement)
