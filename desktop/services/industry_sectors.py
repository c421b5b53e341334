"""The size-gate sector (工信部联企业〔2011〕300号) of an industry code of GB/T 4754-2017.

Apart from codes.py, whose names the firm list shows on its first screen: this needs the
domain's enums, which that screen does not (~2 ms of a start)."""
from __future__ import annotations

from desktop.domain.enums import SectorClass

from .codes import industry

# Industry divisions (the two digits after the section letter) by size-gate sector of 300号.
_DIVISION_SECTORS: tuple[tuple[range, SectorClass], ...] = (
    (range(1, 6), SectorClass.AGRICULTURE),                 # A 01–05
    (range(6, 47), SectorClass.INDUSTRIAL),                 # B 06–12, C 13–43, D 44–46
    (range(47, 51), SectorClass.CONSTRUCTION),              # E 47–50
    (range(51, 52), SectorClass.WHOLESALE),                 # F 51
    (range(52, 53), SectorClass.RETAIL),                    # F 52
    (range(53, 59), SectorClass.TRANSPORT),                 # G 53–58 (but see 59, 60)
    (range(59, 60), SectorClass.WAREHOUSING),               # G 59
    (range(60, 61), SectorClass.POSTAL),                    # G 60
    (range(61, 62), SectorClass.ACCOMMODATION),             # H 61
    (range(62, 63), SectorClass.CATERING),                  # H 62
    (range(63, 65), SectorClass.INFORMATION_TRANSMISSION),  # I 63–64
    (range(65, 66), SectorClass.SOFTWARE_IT),               # I 65
    (range(71, 73), SectorClass.LEASING_BUSINESS_SERVICES),  # L 71–72
)
# Real estate (K70) splits by group: 701 development, 702 property management.
_REAL_ESTATE_GROUPS = {"K701": SectorClass.REAL_ESTATE_DEVELOPMENT,
                       "K702": SectorClass.PROPERTY_MANAGEMENT}


def sector_for_industry(code: str) -> SectorClass | None:
    """The size-gate sector of an industry code (None when the code is unknown or a section)."""
    found = industry(code)
    if found is None or found.level == "section":
        return None
    if found.code[:4] in _REAL_ESTATE_GROUPS:
        return _REAL_ESTATE_GROUPS[found.code[:4]]
    division = int(found.code[1:3])
    for divisions, sector in _DIVISION_SECTORS:
        if division in divisions:
            return sector
    return SectorClass.OTHER
