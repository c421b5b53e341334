"""The demo data set judged by the engine: each firm's verdict per tier, as a careful reader of
the rulebooks gives it by hand (resources/demo/README.md explains every case). Y = 2026, a new
application assessed on 2026-11-27; "pending" means nothing failed and a person's decision on
a qualitative criterion is still open."""
import pytest

from desktop.services.demo import load_demo

EXPECTED = [  # USCC, tier 1, tier 2, tier 3
    ("913302127578401750", "pass", "pending", "pending"),
    ("91440305284669581D", "pass", "pending", "pending"),
    ("91340111871875750N", "pass", "pending", "pending"),
    ("91370103754267609U", "pass", "pending", "pending"),
    ("91320411202823304W", "pass", "pending", "fail"),
    ("91440604187468980W", "pass", "pending", "fail"),
    ("914201117455065409", "pass", "pending", "fail"),
    ("91510116223865597L", "pass", "pending", "fail"),
    ("91320505246682363J", "pass", "fail", "fail"),
    ("91330481532422853J", "incomplete", "incomplete", "fail"),
    ("91320612958563549T", "incomplete", "incomplete", "fail"),
    ("913101144812305787", "pass", "incomplete", "incomplete"),
    ("913707857440013130", "fail", "fail", "fail"),
    ("91320585878069129U", "pass", "pending", "pending"),
    ("91110108120737285M", "pass", "fail", "fail"),
    ("91310112415756395R", "pass", "fail", "pending"),
    ("91440113157249613H", "pass", "fail", "fail"),
    ("914413024210764259", "fail", "fail", "fail"),
    ("91110114639773231E", "pass", "pending", "fail"),
    ("91320214734150585F", "pass", "pending", "fail"),
    ("915101078987987400", "pass", "pending", "pending"),
    ("91370212667647232W", "pass", "pending", "pending"),
    ("91420106553549108K", "fail", "fail", "fail"),
    ("913301081467776720", "pass", "pending", "pending"),
    ("91310115180867997C", "fail", "fail", "fail"),
    ("91320115928601014W", "pass", "pending", "fail"),
    ("914301047403480028", "pass", "incomplete", "fail"),
    ("911201162759665844", "fail", "fail", "fail"),
    ("91440306423950438R", "pass", "pending", "fail"),
    ("91320583229215827R", "pass", "pending", "fail"),
    ("91330110297872546R", "pass", "fail", "fail"),
    ("913401048992974542", "pass", "incomplete", "fail"),
    ("913205064039392071", "pass", "pending", "fail"),
    ("91330424881221363F", "pass", "fail", "fail"),
]


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory, template_db):
    import shutil

    from desktop.paths import AppPaths
    from desktop.services.workspace import Workspace
    from tests.conftest import NOW, TODAY

    data_dir = tmp_path_factory.mktemp("demo")
    shutil.copy(template_db, data_dir / "srdi.db")
    with Workspace.open(AppPaths.resolve(data_dir=data_dir), user="tester", now=lambda: NOW,
                        today=lambda: TODAY) as workspace:
        load_demo(workspace)
        yield {uscc: workspace.qualification.evaluate_firm(workspace.firms.get_by_uscc(uscc).id, 2026)
               for uscc, *_ in EXPECTED}


@pytest.mark.parametrize("uscc, tier1, tier2, tier3", EXPECTED, ids=[row[0] for row in EXPECTED])
def test_each_demo_firm_gets_the_verdict_a_careful_reader_gives(verdicts, uscc, tier1, tier2, tier3):
    assert [t.outcome.value for t in verdicts[uscc].tiers] == [tier1, tier2, tier3]


def test_the_demo_shows_every_outcome_kind(verdicts):
    criteria = {c.outcome.value for v in verdicts.values() for t in v.tiers for c in t.criteria}
    tiers = {t.outcome.value for v in verdicts.values() for t in v.tiers}
    assert criteria == {"pass", "fail", "manual", "missing"}
    assert tiers == {"pass", "fail", "pending", "incomplete"}


def test_an_interpretation_is_flagged_only_where_the_verdict_rests_on_it(verdicts):
    def s1(uscc):
        tier2 = verdicts[uscc].tiers[1]
        return next(c for c in tier2.criteria if c.id == "S1.title").interpretations

    assert s1("913205064039392071") == ("tech_based_sme_counts_as_tier1",)  # 科技型 only
    assert s1("91320505246682363J") == ()                                  # 创新型 title


def test_the_large_firm_fails_every_tier_at_the_size_gate(verdicts):
    for tier in verdicts["913707857440013130"].tiers:
        failed = [c.id for c in tier.criteria if c.outcome.value == "fail"]
        assert "size" in failed
    assert verdicts["913707857440013130"].size_class == "large"


def test_applications_with_recorded_decisions_pass(workspace):
    """An approved little-giant application counts its official's decisions on the
    qualitative criteria, so its verdict is a plain pass."""
    load_demo(workspace)
    firm = workspace.firms.get_by_uscc("913302127578401750")
    [application] = workspace.applications.for_firm(firm.id)
    verdict = workspace.qualification.evaluate_application(application.id)
    assert verdict.outcome.value == "pass"
    decided = {c.id: c.decided_by for c in verdict.criteria if c.decided_by}
    assert set(decided) == {"G4.applied", "G5.renown", "G6"}
