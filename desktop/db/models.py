"""The live peewee models: the schema as the latest migration leaves it.

Constraints (CHECK, UNIQUE, foreign keys) are created by the migrations; a test compares the
migrated schema with these models so the two cannot drift apart.
"""
from __future__ import annotations

import peewee as pw

from .fields import MoneyField, ScoreField

database_proxy = pw.DatabaseProxy()


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = pw.IntegerField()


class Firm(BaseModel):
    uscc = pw.CharField(max_length=18, unique=True)
    name = pw.CharField(max_length=200, index=True)   # index from schema 3
    name_en = pw.CharField(max_length=300, default="")
    legal_representative = pw.CharField(max_length=100, default="")
    registration_date = pw.DateField(null=True)
    registered_capital = MoneyField(null=True)
    region_code = pw.CharField(max_length=6, default="", index=True)
    address = pw.CharField(max_length=300, default="")
    industry_code = pw.CharField(max_length=5, default="", index=True)
    sector_class = pw.CharField(max_length=40, null=True)
    niche_market = pw.CharField(max_length=300, default="")
    niche_entry_date = pw.DateField(null=True)
    leading_product = pw.CharField(max_length=300, default="")
    leading_product_code = pw.CharField(max_length=10, default="")
    ownership_type = pw.CharField(max_length=20, null=True)
    listing_status = pw.CharField(max_length=20, null=True)
    stock_code = pw.CharField(max_length=20, default="")
    contact_person = pw.CharField(max_length=100, default="")
    contact_phone = pw.CharField(max_length=40, default="")
    contact_email = pw.CharField(max_length=200, default="")
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False, index=True)
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()
    # schema 2
    leading_product_field = pw.CharField(max_length=40, null=True)
    strategic_emerging = pw.BooleanField(null=True)
    chain_role = pw.TextField(default="")
    own_brand = pw.BooleanField(null=True)
    brand_names = pw.CharField(max_length=300, default="")
    on_abnormal_operations_list = pw.BooleanField(null=True)
    on_serious_dishonesty_list = pw.BooleanField(null=True)
    # schema 3
    name_initials = pw.CharField(max_length=200, default="", index=True)
    # schema 5, all kept by triggers (see migrations/m0005): the version of everything a
    # verdict reads about the firm, and the firm list's columns
    data_version = pw.IntegerField(default=0)
    last_year = pw.IntegerField(null=True)
    last_revenue = MoneyField(null=True)
    open_applications = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("archived", "name"), False),)   # schema 5: the list's filter and order


class FiscalYear(BaseModel):
    firm = pw.ForeignKeyField(Firm, backref="fiscal_years", on_delete="CASCADE")
    year = pw.IntegerField()
    operating_revenue = MoneyField(null=True)
    main_business_revenue = MoneyField(null=True)
    main_business_cost = MoneyField(null=True)
    rd_expense = MoneyField(null=True)
    total_cost_expense = MoneyField(null=True)
    total_assets = MoneyField(null=True)
    total_liabilities = MoneyField(null=True)
    net_profit = MoneyField(null=True)
    employee_count = pw.IntegerField(null=True)
    rd_staff_count = pw.IntegerField(null=True)
    tech_staff_count = pw.IntegerField(null=True)
    equity_financing = MoneyField(null=True)
    source_note = pw.CharField(max_length=300, default="")

    class Meta:
        indexes = ((("firm", "year"), True),)


class EvidenceItem(BaseModel):
    firm = pw.ForeignKeyField(Firm, backref="evidence", on_delete="CASCADE")
    kind = pw.CharField(max_length=40)
    subtype = pw.CharField(max_length=40, default="")
    title = pw.CharField(max_length=300)
    number = pw.CharField(max_length=100, default="")
    issuer = pw.CharField(max_length=200, default="")
    level = pw.CharField(max_length=20, null=True)
    granted_date = pw.DateField(null=True)
    valid_until = pw.DateField(null=True, index=True)
    status = pw.CharField(max_length=20, default="valid")
    related_to_leading_product = pw.BooleanField(null=True)
    acquisition = pw.CharField(max_length=20, null=True)
    transfer_date = pw.DateField(null=True)
    holder_rank = pw.IntegerField(null=True)
    high_value_basis = pw.CharField(max_length=30, null=True)
    notes = pw.TextField(default="")
    uid = pw.CharField(max_length=32, unique=True)   # schema 4: the same item on every machine


class Attachment(BaseModel):
    evidence = pw.ForeignKeyField(EvidenceItem, backref="attachments", on_delete="CASCADE")
    sha256 = pw.CharField(max_length=64, index=True)
    original_name = pw.CharField(max_length=255)
    size = pw.BigIntegerField()
    stored_path = pw.CharField(max_length=300)
    added_at = pw.DateTimeField()


class Batch(BaseModel):
    name = pw.CharField(max_length=200, unique=True)
    tier = pw.IntegerField()
    rulebook = pw.CharField(max_length=10, null=True)
    region_code = pw.CharField(max_length=6, default="")
    deadline = pw.DateField(null=True)
    status = pw.CharField(max_length=20, default="open")
    notes = pw.TextField(default="")


class Application(BaseModel):
    firm = pw.ForeignKeyField(Firm, backref="applications", on_delete="CASCADE")
    batch = pw.ForeignKeyField(Batch, backref="applications", null=True, on_delete="RESTRICT")
    tier = pw.IntegerField()
    kind = pw.CharField(max_length=10, default="new")
    assessment_date = pw.DateField(null=True)
    rulebook = pw.CharField(max_length=10, null=True)
    status = pw.CharField(max_length=20, default="draft", index=True)
    platform_score = ScoreField(null=True)
    provincial_feature_score = ScoreField(null=True)
    ranking = pw.IntegerField(null=True)
    reviewer_notes = pw.TextField(default="")
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()
    uid = pw.CharField(max_length=32, unique=True)   # schema 4: the same application everywhere


class StatusChange(BaseModel):
    application = pw.ForeignKeyField(Application, backref="status_changes", on_delete="CASCADE")
    from_status = pw.CharField(max_length=20, null=True)
    to_status = pw.CharField(max_length=20)
    who = pw.CharField(max_length=100)
    at = pw.DateTimeField()
    reason = pw.TextField(default="")


class ManualDecision(BaseModel):
    application = pw.ForeignKeyField(Application, backref="manual_decisions", on_delete="CASCADE")
    criterion_id = pw.CharField(max_length=60)
    decision = pw.CharField(max_length=10)
    note = pw.TextField(default="")
    who = pw.CharField(max_length=100)
    at = pw.DateTimeField()

    class Meta:
        indexes = ((("application", "criterion_id"), True),)


class ChangeLog(BaseModel):
    at = pw.DateTimeField(index=True)
    who = pw.CharField(max_length=100)
    table = pw.CharField(max_length=40)
    record_id = pw.IntegerField()
    action = pw.CharField(max_length=10)
    field = pw.CharField(max_length=60, default="")
    old = pw.TextField(null=True)
    new = pw.TextField(null=True)
    # schema 4: whose history the change belongs to (kept after the record is deleted)
    # (plain integers, not foreign keys; named like them so records convert the same way)
    firm = pw.IntegerField(null=True, index=True, column_name="firm_id")
    application = pw.IntegerField(null=True, index=True, column_name="application_id")
    origin = pw.CharField(max_length=20, default="")   # '' a person's edit; 'package', …

    class Meta:
        indexes = ((("table", "record_id"), False),)


class MarketPosition(BaseModel):
    firm = pw.ForeignKeyField(Firm, backref="market_positions", on_delete="CASCADE")
    year = pw.IntegerField()
    scope = pw.CharField(max_length=20)
    share_percent = ScoreField(null=True)
    rank = pw.IntegerField(null=True)
    niche = pw.CharField(max_length=300, default="")
    source = pw.CharField(max_length=300, default="")

    class Meta:
        indexes = ((("firm", "year", "scope"), True),)


class AnnualAssessment(BaseModel):
    firm = pw.ForeignKeyField(Firm, backref="assessments", on_delete="CASCADE")
    year = pw.IntegerField()
    digital_level = pw.IntegerField(null=True)
    info_system_count = pw.IntegerField(null=True)
    platform_score = ScoreField(null=True)
    source = pw.CharField(max_length=300, default="")

    class Meta:
        indexes = ((("firm", "year"), True),)


class DataClock(BaseModel):
    """Schema 5: one row, the clock `firm.data_version` values are taken from (triggers)."""

    value = pw.IntegerField()


class FirmTally(BaseModel):
    """Schema 7: how many firms have each archived state (0 and 1, a row each); triggers keep
    it (see migrations/m0007), so the list's unfiltered count reads two rows, not an index."""

    archived = pw.BooleanField(primary_key=True)
    firms = pw.IntegerField()


ALL_MODELS = (SchemaVersion, Firm, FiscalYear, EvidenceItem, Attachment, Batch, Application,
              StatusChange, ManualDecision, ChangeLog, MarketPosition, AnnualAssessment,
              DataClock, FirmTally)
