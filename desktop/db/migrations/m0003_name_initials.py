"""Schema 3: the pinyin initials of each firm's name, for searching the firm list by them, and
an index on the name, the list's default order."""
import peewee as pw

from desktop.db.pinyin import initials

VERSION = 3


def upgrade(database: pw.Database) -> None:
    database.execute_sql("ALTER TABLE \"firm\" ADD COLUMN name_initials VARCHAR(200) NOT NULL DEFAULT ''")
    rows = database.execute_sql('SELECT id, name FROM "firm"').fetchall()
    for firm_id, name in rows:
        database.execute_sql('UPDATE "firm" SET name_initials = ? WHERE id = ?',
                             (initials(name), firm_id))
    database.execute_sql('CREATE INDEX "firm_name_initials" ON "firm" ("name_initials")')
    database.execute_sql('CREATE INDEX "firm_name" ON "firm" ("name")')
