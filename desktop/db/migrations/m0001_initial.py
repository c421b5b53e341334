"""Schema 1: firms, their yearly figures and evidence, batches, applications, the change log."""
import peewee as pw

from desktop.db.fields import MoneyField, ScoreField

VERSION = 1

# Enum values as they were at schema 1: CHECK constraints keep bad values out of the database
# even when something bypasses the services.
_SECTORS = ("agriculture", "industrial", "construction", "wholesale", "retail", "transport",
            "warehousing", "postal", "accommodation", "catering", "information_transmission",
            "software_it", "real_estate_development", "property_management",
            "leasing_business_services", "other")
_EVIDENCE_KINDS = ("invention_patent", "utility_model_patent", "design_patent",
                   "software_copyright", "ic_layout_design", "plant_variety", "national_new_drug",
                   "other_class_i_ip", "management_certification", "product_certification",
                   "award", "rd_institution", "standard", "title", "market_share_statement",
                   "import_substitution", "audited_report", "other")
_STATUSES = ("draft", "ready", "submitted", "returned", "recommended", "approved", "rejected",
             "withdrawn")


def _in(column: str, values: tuple[str, ...], nullable: bool = True) -> pw.Check:
    listed = ", ".join(f"'{v}'" for v in values)
    clause = f"{column} IN ({listed})"
    return pw.Check(f"{column} IS NULL OR {clause}" if nullable else clause)


def _non_negative(column: str) -> pw.Check:
    return pw.Check(f"{column} IS NULL OR {column} >= 0")


def upgrade(database: pw.Database) -> None:
    class Base(pw.Model):
        class Meta:
            legacy_table_names = False

    class SchemaVersion(Base):
        version = pw.IntegerField()

    class Firm(Base):
        uscc = pw.CharField(max_length=18, unique=True, constraints=[pw.Check("length(uscc) = 18")])
        name = pw.CharField(max_length=200, constraints=[pw.Check("length(trim(name)) > 0")])
        name_en = pw.CharField(max_length=300, default="")
        legal_representative = pw.CharField(max_length=100, default="")
        registration_date = pw.DateField(null=True)
        registered_capital = MoneyField(null=True, constraints=[_non_negative("registered_capital")])
        region_code = pw.CharField(max_length=6, default="", index=True)
        address = pw.CharField(max_length=300, default="")
        industry_code = pw.CharField(max_length=5, default="", index=True)
        sector_class = pw.CharField(max_length=40, null=True, constraints=[_in("sector_class", _SECTORS)])
        niche_market = pw.CharField(max_length=300, default="")
        niche_entry_date = pw.DateField(null=True)
        leading_product = pw.CharField(max_length=300, default="")
        leading_product_code = pw.CharField(max_length=10, default="")
        ownership_type = pw.CharField(max_length=20, null=True, constraints=[
            _in("ownership_type", ("state_owned", "joint_venture", "private", "foreign"))])
        listing_status = pw.CharField(max_length=20, null=True, constraints=[
            _in("listing_status", ("no_plan", "planned", "listed"))])
        stock_code = pw.CharField(max_length=20, default="")
        contact_person = pw.CharField(max_length=100, default="")
        contact_phone = pw.CharField(max_length=40, default="")
        contact_email = pw.CharField(max_length=200, default="")
        notes = pw.TextField(default="")
        archived = pw.BooleanField(default=False, index=True)
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()

    money = {"null": True}

    class FiscalYear(Base):
        firm = pw.ForeignKeyField(Firm, backref="fiscal_years", on_delete="CASCADE")
        year = pw.IntegerField(constraints=[pw.Check("year BETWEEN 1949 AND 2200")])
        operating_revenue = MoneyField(constraints=[_non_negative("operating_revenue")], **money)
        main_business_revenue = MoneyField(constraints=[_non_negative("main_business_revenue")], **money)
        main_business_cost = MoneyField(constraints=[_non_negative("main_business_cost")], **money)
        rd_expense = MoneyField(constraints=[_non_negative("rd_expense")], **money)
        total_cost_expense = MoneyField(constraints=[_non_negative("total_cost_expense")], **money)
        total_assets = MoneyField(constraints=[_non_negative("total_assets")], **money)
        total_liabilities = MoneyField(constraints=[_non_negative("total_liabilities")], **money)
        net_profit = MoneyField(**money)  # a loss is negative
        employee_count = pw.IntegerField(null=True, constraints=[_non_negative("employee_count")])
        rd_staff_count = pw.IntegerField(null=True, constraints=[_non_negative("rd_staff_count")])
        tech_staff_count = pw.IntegerField(null=True, constraints=[_non_negative("tech_staff_count")])
        equity_financing = MoneyField(constraints=[_non_negative("equity_financing")], **money)
        source_note = pw.CharField(max_length=300, default="")

        class Meta:
            indexes = ((("firm", "year"), True),)
            constraints = [
                pw.Check("main_business_revenue IS NULL OR operating_revenue IS NULL "
                         "OR main_business_revenue <= operating_revenue"),
                pw.Check("rd_staff_count IS NULL OR employee_count IS NULL "
                         "OR rd_staff_count <= employee_count"),
            ]

    class EvidenceItem(Base):
        firm = pw.ForeignKeyField(Firm, backref="evidence", on_delete="CASCADE")
        kind = pw.CharField(max_length=40, constraints=[_in("kind", _EVIDENCE_KINDS, nullable=False)])
        subtype = pw.CharField(max_length=40, default="")
        title = pw.CharField(max_length=300, constraints=[pw.Check("length(trim(title)) > 0")])
        number = pw.CharField(max_length=100, default="")
        issuer = pw.CharField(max_length=200, default="")
        level = pw.CharField(max_length=20, null=True, constraints=[
            _in("level", ("national", "provincial", "municipal", "other"))])
        granted_date = pw.DateField(null=True)
        valid_until = pw.DateField(null=True, index=True)
        status = pw.CharField(max_length=20, default="valid", constraints=[
            _in("status", ("valid", "pending", "expired", "revoked"), nullable=False)])
        related_to_leading_product = pw.BooleanField(null=True)
        acquisition = pw.CharField(max_length=20, null=True, constraints=[
            _in("acquisition", ("self_developed", "transferred", "other"))])
        transfer_date = pw.DateField(null=True)
        holder_rank = pw.IntegerField(null=True, constraints=[pw.Check("holder_rank IS NULL OR holder_rank >= 1")])
        high_value_basis = pw.CharField(max_length=30, null=True, constraints=[
            _in("high_value_basis", ("overseas_family", "pledge_financing", "award"))])
        notes = pw.TextField(default="")

    class Attachment(Base):
        evidence = pw.ForeignKeyField(EvidenceItem, backref="attachments", on_delete="CASCADE")
        sha256 = pw.CharField(max_length=64, index=True, constraints=[pw.Check("length(sha256) = 64")])
        original_name = pw.CharField(max_length=255)
        size = pw.BigIntegerField(constraints=[pw.Check("size >= 0")])
        stored_path = pw.CharField(max_length=300)
        added_at = pw.DateTimeField()

    class Batch(Base):
        name = pw.CharField(max_length=200, unique=True)
        tier = pw.IntegerField(constraints=[pw.Check("tier IN (1, 2, 3)")])
        rulebook = pw.CharField(max_length=10, null=True, constraints=[_in("rulebook", ("2022", "2026"))])
        region_code = pw.CharField(max_length=6, default="")
        deadline = pw.DateField(null=True)
        status = pw.CharField(max_length=20, default="open", constraints=[
            _in("status", ("open", "closed"), nullable=False)])
        notes = pw.TextField(default="")

    class Application(Base):
        firm = pw.ForeignKeyField(Firm, backref="applications", on_delete="CASCADE")
        batch = pw.ForeignKeyField(Batch, backref="applications", null=True, on_delete="RESTRICT")
        tier = pw.IntegerField(constraints=[pw.Check("tier IN (1, 2, 3)")])
        kind = pw.CharField(max_length=10, default="new", constraints=[_in("kind", ("new", "review"), nullable=False)])
        assessment_date = pw.DateField(null=True)
        rulebook = pw.CharField(max_length=10, null=True, constraints=[_in("rulebook", ("2022", "2026"))])
        status = pw.CharField(max_length=20, default="draft", index=True, constraints=[
            _in("status", _STATUSES, nullable=False)])
        platform_score = ScoreField(null=True, constraints=[
            pw.Check("platform_score IS NULL OR platform_score BETWEEN 0 AND 1000000")])
        provincial_feature_score = ScoreField(null=True, constraints=[
            pw.Check("provincial_feature_score IS NULL OR provincial_feature_score BETWEEN 0 AND 150000")])
        ranking = pw.IntegerField(null=True)
        reviewer_notes = pw.TextField(default="")
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()

    class StatusChange(Base):
        application = pw.ForeignKeyField(Application, backref="status_changes", on_delete="CASCADE")
        from_status = pw.CharField(max_length=20, null=True)
        to_status = pw.CharField(max_length=20, constraints=[_in("to_status", _STATUSES, nullable=False)])
        who = pw.CharField(max_length=100)
        at = pw.DateTimeField()
        reason = pw.TextField(default="")

    class ManualDecision(Base):
        application = pw.ForeignKeyField(Application, backref="manual_decisions", on_delete="CASCADE")
        criterion_id = pw.CharField(max_length=60)
        decision = pw.CharField(max_length=10, constraints=[_in("decision", ("pass", "fail"), nullable=False)])
        note = pw.TextField(default="")
        who = pw.CharField(max_length=100)
        at = pw.DateTimeField()

        class Meta:
            indexes = ((("application", "criterion_id"), True),)

    class ChangeLog(Base):
        # No foreign key: the history of a record outlives the record.
        at = pw.DateTimeField(index=True)
        who = pw.CharField(max_length=100)
        table = pw.CharField(max_length=40)
        record_id = pw.IntegerField()
        action = pw.CharField(max_length=10, constraints=[_in("action", ("create", "update", "delete"), nullable=False)])
        field = pw.CharField(max_length=60, default="")
        old = pw.TextField(null=True)
        new = pw.TextField(null=True)

        class Meta:
            indexes = ((("table", "record_id"), False),)

    models = [SchemaVersion, Firm, FiscalYear, EvidenceItem, Attachment, Batch, Application,
              StatusChange, ManualDecision, ChangeLog]
    with database.bind_ctx(models):
        database.create_tables(models)
