"""Schema 2: a place for every fact the rulebooks ask for beyond the yearly figures.

Adds the leading product's field and chain role, own brand and the compliance flags to firms,
the yearly market position (share and rank, domestic or international) and the yearly
assessment (digital level, information systems, the platform score).
"""
import peewee as pw

from desktop.db.fields import ScoreField

VERSION = 2

_FIELDS = ("core_basic_parts", "core_basic_components", "key_software",
           "advanced_basic_processes", "key_basic_materials", "industrial_tech_foundation",
           "traditional_upgrade", "emerging_industry", "future_industry", "other")


def upgrade(database: pw.Database) -> None:
    class Base(pw.Model):
        class Meta:
            legacy_table_names = False

    class Firm(Base):
        class Meta:
            table_name = "firm"

    class MarketPosition(Base):
        firm = pw.ForeignKeyField(Firm, backref="market_positions", on_delete="CASCADE")
        year = pw.IntegerField(constraints=[pw.Check("year BETWEEN 1949 AND 2200")])
        scope = pw.CharField(max_length=20, constraints=[
            pw.Check("scope IN ('domestic', 'international')")])
        share_percent = ScoreField(null=True, constraints=[
            pw.Check("share_percent IS NULL OR share_percent BETWEEN 0 AND 1000000")])
        rank = pw.IntegerField(null=True, constraints=[pw.Check("rank IS NULL OR rank >= 1")])
        niche = pw.CharField(max_length=300, default="")
        source = pw.CharField(max_length=300, default="")

        class Meta:
            indexes = ((("firm", "year", "scope"), True),)

    class AnnualAssessment(Base):
        firm = pw.ForeignKeyField(Firm, backref="assessments", on_delete="CASCADE")
        year = pw.IntegerField(constraints=[pw.Check("year BETWEEN 1949 AND 2200")])
        digital_level = pw.IntegerField(null=True, constraints=[
            pw.Check("digital_level IS NULL OR digital_level BETWEEN 1 AND 4")])
        info_system_count = pw.IntegerField(null=True, constraints=[
            pw.Check("info_system_count IS NULL OR info_system_count >= 0")])
        platform_score = ScoreField(null=True, constraints=[
            pw.Check("platform_score IS NULL OR platform_score BETWEEN 0 AND 1000000")])
        source = pw.CharField(max_length=300, default="")

        class Meta:
            indexes = ((("firm", "year"), True),)

    listed = ", ".join(f"'{v}'" for v in _FIELDS)
    # Plain ADD COLUMN with a SQL default: SQLite adds such a column in place. (peewee's
    # migrator would rebuild the firm table to make a column NOT NULL, a drop-and-copy that
    # must never run with foreign keys on.) The same statements work on PostgreSQL.
    for definition in (
        f"leading_product_field VARCHAR(40) CHECK (leading_product_field IS NULL "
        f"OR leading_product_field IN ({listed}))",
        "strategic_emerging INTEGER",
        "chain_role TEXT NOT NULL DEFAULT ''",
        "own_brand INTEGER",
        "brand_names VARCHAR(300) NOT NULL DEFAULT ''",
        "on_abnormal_operations_list INTEGER",
        "on_serious_dishonesty_list INTEGER",
    ):
        database.execute_sql(f'ALTER TABLE "firm" ADD COLUMN {definition}')
    with database.bind_ctx([Firm, MarketPosition, AnnualAssessment]):
        database.create_tables([MarketPosition, AnnualAssessment])
