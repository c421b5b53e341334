"""Numbered schema migrations. Each module `mNNNN_<name>.py` has VERSION and upgrade(database);
its models are frozen copies of the schema at that step, never imports of `models.py`, so a
later change to the live models cannot change what an old migration does."""

from . import m0001_initial, m0002_rulebook_facts, m0003_name_initials, m0004_history_and_uids
from . import m0005_data_version_and_search, m0006_short_search, m0007_firm_tally

# In order. Listed explicitly (not discovered) so a frozen bundle finds them too.
MIGRATIONS = (m0001_initial, m0002_rulebook_facts, m0003_name_initials,
              m0004_history_and_uids, m0005_data_version_and_search,
              m0006_short_search, m0007_firm_tally)
LATEST_VERSION = MIGRATIONS[-1].VERSION
