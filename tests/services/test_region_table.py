"""The region table is read from python-stdnum's cn/loc.dat directly (fast at start-up): it
must give what stdnum's own reader gives, for every code in the file."""
from stdnum import numdb

from desktop.services.codes import _region_table


def test_every_province_and_county_is_what_stdnums_reader_gives():
    provinces, counties = _region_table()
    table = numdb.get("cn/loc")
    assert len(provinces) > 30 and len(counties) > 3000
    for code, raw in counties.items():
        info = table.info(code)
        assert dict(info[0][1]).get("province") == provinces[code[:2]], code
        assert dict(info[-1][1]).get("county") == raw, code
    # and no county stdnum knows is missing
    for province in provinces:
        for prefix in ("01", "02", "05"):
            for suffix in ("00", "01", "02", "81"):
                code = province + prefix + suffix
                info = table.info(code)
                known = len(info) > 1 and dict(info[-1][1]).get("county")
                assert (code in counties) == bool(known), code


def test_a_region_is_named_from_its_own_province_and_unknown_codes_are_none():
    from desktop.services.codes import region

    kunshan = region("320583")
    assert (kunshan.province, kunshan.city, kunshan.county) == ("江苏省", "苏州市", "昆山市")
    assert region("110101").full_name == "北京市东城区"
    for unknown in ("990101", "000000", "329999", "32058", "32058x", ""):
        assert region(unknown) is None, unknown
