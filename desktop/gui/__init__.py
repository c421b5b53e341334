"""The Qt application. PySide6 is imported only inside this package."""
import sys


def _make_singletons_immortal() -> None:
    """Work around PySide6 6.12 on Python 3.11, which drops one reference to None on every
    call of a Qt method that returns nothing (QLabel.setText, QWidget.setEnabled …): None
    starts with a few thousand references, so a session of a few thousand such calls would
    end in "Fatal Python error: none_dealloc" (and, at exit, "bool_dealloc"). Python 3.12
    made None, True and False immortal (PEP 683) and is not affected; on 3.11 they get 2**40
    references more, which no session can use up: the same effect. Debug builds lay the
    object header out differently and are left alone."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return
    import ctypes

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object of a release build
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_make_singletons_immortal()


def _import_the_first_window_s_services() -> None:
    """The services and database modules the first window uses, imported before PySide6.

    Once imported, PySide6 reads the whole source of every module named in an import statement
    that runs after it (its `__feature__` check, once per module): ~0.15 ms a module, and the
    services and database modules with the standard library they import are a hundred of them
    (~15 ms of a start). Imported first, they are never read."""
    import desktop.domain.catalog  # noqa: F401  (the firm list's column titles)
    import desktop.services.codes  # noqa: F401  (its region and industry names)
    import desktop.services.firm_list  # noqa: F401
    import desktop.services.workspace  # noqa: F401


if "PySide6" not in sys.modules:   # too late otherwise: nothing to gain
    _import_the_first_window_s_services()
