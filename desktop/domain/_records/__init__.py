"""The records by area; import them from desktop.domain.records (see there)."""
