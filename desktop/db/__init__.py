"""The database layer: peewee models, migrations and the repositories services call.

Nothing outside this package imports peewee or writes SQL.
"""
