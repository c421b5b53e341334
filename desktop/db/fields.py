"""Column types that keep the domain's exactness.

Decimals are stored as scaled integers: SQLite's NUMERIC affinity would turn them into floats,
and integers sort, sum and compare exactly on SQLite and PostgreSQL alike.
"""
from __future__ import annotations

from decimal import Decimal

import peewee

from desktop.domain.values import MONEY_SCALE, SCORE_SCALE, from_scaled


class ScaledDecimalField(peewee.BigIntegerField):
    """A Decimal stored as an integer count of 10^-scale units."""

    def __init__(self, scale: int, *args, **kwargs) -> None:
        self.scale = scale
        super().__init__(*args, **kwargs)

    def db_value(self, value):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            value = Decimal(str(value))
        scaled = value.scaleb(self.scale)
        if scaled != scaled.to_integral_value():
            # The services refuse such input first; reaching here is a programming error.
            raise ValueError(f"{value} has more than {self.scale} decimals")
        return int(scaled)

    def python_value(self, value):
        if value is None:
            return None
        return from_scaled(value, self.scale)


class MoneyField(ScaledDecimalField):
    """An amount in 万元, exact to one 分."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(MONEY_SCALE, *args, **kwargs)


class ScoreField(ScaledDecimalField):
    """A score or a percentage, exact to four decimals."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(SCORE_SCALE, *args, **kwargs)
