"""Schema 7: the firm count by archived state, kept by the database.

The firm list counts its firms at every start and after every change; with no filter but the
archived state that count read the whole (archived, name) index — 100,000 entries at
provincial scale. `firm_tally` holds the count per state (0: in the list, 1: archived), filled
here from the existing firms and kept by triggers on the firm table, so every writer (services,
bulk inserts, packages, undo, the demo) keeps it right, and a rolled-back transaction takes its
changes to the tally back with it.
"""
import peewee as pw

VERSION = 7

_STATES = (0, 1)   # the values firm.archived holds (a BooleanField)


def _add(row: str, step: str) -> str:
    return f"UPDATE firm_tally SET firms = firms {step} 1 WHERE archived = {row}.archived;"


def upgrade(database: pw.Database) -> None:
    database.execute_sql('CREATE TABLE "firm_tally" ("archived" INTEGER NOT NULL PRIMARY KEY,'
                         ' "firms" INTEGER NOT NULL)')
    for state in _STATES:
        database.execute_sql(
            'INSERT INTO "firm_tally" ("archived", "firms")'
            ' VALUES (?, (SELECT count(*) FROM firm WHERE archived = ?))', (state, state))
    for statement in (
            f"CREATE TRIGGER firm_tally_insert AFTER INSERT ON firm BEGIN {_add('NEW', '+')} END",
            f"CREATE TRIGGER firm_tally_delete AFTER DELETE ON firm BEGIN {_add('OLD', '-')} END",
            f"""CREATE TRIGGER firm_tally_archive AFTER UPDATE OF archived ON firm
                WHEN NEW.archived IS NOT OLD.archived
                BEGIN {_add('OLD', '-')} {_add('NEW', '+')} END"""):
        database.execute_sql(statement)
