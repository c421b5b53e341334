"""A USCC is normalised and checked as python-stdnum does it, whether or not the quick
pattern for a code already in its stored form answers first."""
import random
import string

from stdnum.cn import uscc as stdnum_uscc

from desktop.services.validation import check_uscc, normalize_uscc


def codes(count: int) -> list[str]:
    """Well-formed codes (most with the right check character), some with a character
    changed to a letter outside the alphabet, lower case, a space or a dash."""
    chooser = random.Random(20261127)
    found = []
    for _ in range(count):
        body = "".join(chooser.choice(string.digits) for _ in range(8)) + "".join(
            chooser.choice(stdnum_uscc._alphabet) for _ in range(9))
        last = (stdnum_uscc.calc_check_digit(body) if chooser.random() < 0.7
                else chooser.choice(string.ascii_uppercase + string.digits))
        code = body + last
        if chooser.random() < 0.2:
            where = chooser.randrange(18)
            code = code[:where] + chooser.choice("IOSVZ a-" + string.digits) + code[where + 1:]
        found.append(code)
    return found + ["", "9132058", "91320583MA1MABCDIA", "91320583MA1MABCDEB", "  "]


def stdnum_problem(code: str) -> str | None:
    """The message code the validator gives, worked out from stdnum alone."""
    if not code:
        return "field.required"
    try:
        stdnum_uscc.validate(code)
    except stdnum_uscc.InvalidLength:
        return "uscc.invalid_length"
    except stdnum_uscc.InvalidChecksum:
        return "uscc.invalid_checksum"
    except stdnum_uscc.ValidationError:
        return "uscc.invalid_format"
    return None


def test_codes_are_normalised_and_checked_as_stdnum_does():
    for code in codes(3000):
        assert normalize_uscc(code) == stdnum_uscc.compact(code), code
        problems = check_uscc(code)
        assert [m.code for m in problems] == [c for c in [stdnum_problem(code)] if c], code
        if problems and problems[0].code == "uscc.invalid_checksum":
            assert problems[0].params == {"expected": stdnum_uscc.calc_check_digit(code[:17])}
