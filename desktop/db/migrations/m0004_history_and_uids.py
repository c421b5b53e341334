"""Schema 4: history per firm and per application, and ids that travel between machines.

- `change_log.firm_id` and `change_log.application_id` say which firm (and application) a
  logged change belongs to, so a firm's history also lists its years, evidence, files and
  applications, even after those records were deleted. Existing rows are filled in where the
  record still exists; changes of records deleted before schema 4 keep NULL (they still show
  under their own table and id).
- `change_log.origin`: '' for a person's edit, otherwise what wrote the change ('package' for
  an evidence-package import, …), so a package import can tell a local edit (a conflict) from
  a value that came from an earlier package.
- `application.uid` and `evidence_item.uid`: a random id given once, so an evidence package
  exported on the firm's laptop and imported at the office (and a review package going back)
  finds the same application or evidence item on the other side.
"""
import uuid

import peewee as pw

VERSION = 4

# The firm of a logged row, by the table the row was logged under (record ids still present).
_FIRM_OF = {
    "firm": "SELECT id FROM firm WHERE id = change_log.record_id",
    "fiscal_year": "SELECT firm_id FROM fiscal_year WHERE id = change_log.record_id",
    "market_position": "SELECT firm_id FROM market_position WHERE id = change_log.record_id",
    "annual_assessment": "SELECT firm_id FROM annual_assessment WHERE id = change_log.record_id",
    "evidence_item": "SELECT firm_id FROM evidence_item WHERE id = change_log.record_id",
    "attachment": ("SELECT e.firm_id FROM attachment a JOIN evidence_item e ON e.id = a.evidence_id"
                   " WHERE a.id = change_log.record_id"),
    "application": "SELECT firm_id FROM application WHERE id = change_log.record_id",
    "manual_decision": ("SELECT a.firm_id FROM manual_decision d JOIN application a"
                        " ON a.id = d.application_id WHERE d.id = change_log.record_id"),
}
_APPLICATION_OF = {
    "application": "SELECT id FROM application WHERE id = change_log.record_id",
    "manual_decision": "SELECT application_id FROM manual_decision WHERE id = change_log.record_id",
}


def upgrade(database: pw.Database) -> None:
    # Plain ADD COLUMN (in place in SQLite); see m0002 for why not peewee's migrator.
    database.execute_sql('ALTER TABLE "change_log" ADD COLUMN firm_id INTEGER')
    database.execute_sql('ALTER TABLE "change_log" ADD COLUMN application_id INTEGER')
    database.execute_sql(
        'ALTER TABLE "change_log" ADD COLUMN origin VARCHAR(20) NOT NULL DEFAULT \'\'')
    for table, query in _FIRM_OF.items():
        database.execute_sql(f'UPDATE "change_log" SET firm_id = ({query}) WHERE "table" = ?',
                             (table,))
    for table, query in _APPLICATION_OF.items():
        database.execute_sql(
            f'UPDATE "change_log" SET application_id = ({query}) WHERE "table" = ?', (table,))
    database.execute_sql('CREATE INDEX "change_log_firm_id" ON "change_log" ("firm_id")')
    database.execute_sql(
        'CREATE INDEX "change_log_application_id" ON "change_log" ("application_id")')

    for table in ("application", "evidence_item"):
        database.execute_sql(
            f'ALTER TABLE "{table}" ADD COLUMN uid VARCHAR(32) NOT NULL DEFAULT \'\'')
        ids = [row[0] for row in database.execute_sql(f'SELECT id FROM "{table}"').fetchall()]
        for row_id in ids:
            database.execute_sql(f'UPDATE "{table}" SET uid = ? WHERE id = ?',
                                 (uuid.uuid4().hex, row_id))
        database.execute_sql(f'CREATE UNIQUE INDEX "{table}_uid" ON "{table}" ("uid")')
