"""The attachment store: copies by content, complete or not at all, safe beside Qt."""
import hashlib
import sys

import pytest

from desktop.domain.errors import StorageError
from desktop.storage.attachments import AttachmentStore


def test_a_file_is_copied_under_its_hash_and_kept_once(tmp_path):
    store = AttachmentStore(tmp_path / "store")
    source = tmp_path / "证书.PDF"
    source.write_bytes(b"%PDF-1.4 test")
    first, second = store.put(source), store.put(source)
    digest = hashlib.sha256(b"%PDF-1.4 test").hexdigest()
    assert first == second and first.sha256 == digest and first.size == 13
    assert first.stored_path == f"{digest[:2]}/{digest}.pdf"
    assert store.path_of(first.stored_path).read_bytes() == b"%PDF-1.4 test"
    leftovers = [p for p in (tmp_path / "store").rglob(".incoming-*")]
    assert leftovers == []


def test_a_missing_source_is_refused_by_name(tmp_path):
    with pytest.raises(StorageError) as caught:
        AttachmentStore(tmp_path).put(tmp_path / "gone.pdf")
    assert caught.value.messages[0].code == "file.not_found"


def test_storing_many_files_with_qt_loaded_does_not_leak_none(tmp_path):
    """PySide6 6.12 on Python 3.11 drops a reference to None whenever a builtin method's
    __doc__ is read (as tempfile.NamedTemporaryFile's wrapper does); enough of those abort the
    process at exit. The store must not trigger it."""
    pytest.importorskip("PySide6.QtCore")
    store = AttachmentStore(tmp_path / "store")
    source = tmp_path / "a.bin"
    before = sys.getrefcount(None)
    for index in range(200):
        source.write_bytes(str(index).encode())
        store.put(source)
    assert sys.getrefcount(None) > before - 100
