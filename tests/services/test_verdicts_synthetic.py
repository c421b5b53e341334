"""Many verdicts at once on a generated province: the same as firm by firm (a module of its
own: the demo module above keeps one workspace open for all its tests)."""
from desktop.domain.records import FirmQuery
from desktop.services.verdict_cache import digest_of


def test_many_verdicts_equal_firm_by_firm_on_a_synthetic_province(workspace):
    """Generated firms (figures around the thresholds, every kind of evidence) judged many at
    a time give each firm the verdict it gets alone, and the cache the same digests."""
    from desktop.services.synthetic import generate

    generate(workspace, firms=120, applications=0, batches=0, seed=7)
    ids = [s.id for s in workspace.firms.query(FirmQuery(include_archived=True))]
    many = workspace.qualification.evaluate_many(ids)
    assert all(many[i] == workspace.qualification.evaluate_firm(i) for i in ids)
    outcomes = {t.outcome for v in many.values() for t in v.tiers}
    assert len(outcomes) >= 3                   # not one outcome for all: a real comparison
    digests = workspace.qualification.verdict_cache.digests(ids)
    assert digests == {i: digest_of(many[i]) for i in ids}
