"""Language of the desktop application: Qt Linguist translations for the GUI's own strings,
Qt's translations for standard dialogs, and the catalog for messages from the lower layers."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.domain.messages import Message, field_label, normalize_language
from desktop.domain.messages import render as render_message
from desktop.paths import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}
_state = {"lang": "en", "translators": []}


def system_language() -> str:
    """Chinese when the system locale is Chinese, English otherwise."""
    return normalize_language(QLocale.system().name())


def install(app: QCoreApplication, lang: str) -> str:
    """Load the translations for `lang` into `app`; returns the language in use."""
    lang = normalize_language(lang)
    for translator in _state["translators"]:
        app.removeTranslator(translator)
    _state["translators"] = []
    if lang == "zh_CN":
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "translations" / "srdi_zh_CN.qm")):
            app.installTranslator(ours)
            _state["translators"].append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _state["translators"].append(qt)
    _state["lang"] = lang
    # By name, not by QLocale.Language: PySide6 builds the Python enums of a class on their
    # first use, and QLocale's languages, countries and scripts took ~10 ms of every start.
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
    return lang


def language() -> str:
    return _state["lang"]


def render(message: Message) -> str:
    """A lower layer's message in the current language."""
    return render_message(message, _state["lang"])


def label(field: str) -> str:
    """A field's label in the current language."""
    return field_label(field, _state["lang"])
