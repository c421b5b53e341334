"""The attachment store's trash, its verification against the database's references, and the
export of files as a readable folder tree."""
import pytest

from desktop.domain.errors import StorageError
from desktop.storage.attachments import (
    AttachmentStore,
    ExportEntry,
    export_tree,
    safe_name,
)


@pytest.fixture
def store(tmp_path):
    return AttachmentStore(tmp_path / "store")


def put(store, tmp_path, name: str, content: bytes):
    source = tmp_path / name
    source.write_bytes(content)
    return store.put(source)


def test_trash_restore_and_empty(store, tmp_path):
    kept = put(store, tmp_path, "a.pdf", b"first")
    trashed = put(store, tmp_path, "b.pdf", b"second")
    where = store.move_to_trash(trashed.stored_path)
    assert where == (store.root / ".trash" / trashed.stored_path).resolve()
    assert where.read_bytes() == b"second"          # moved, not deleted
    assert store.files() == [kept.stored_path]      # the trash is not part of the store
    assert store.trashed() == [trashed.stored_path]
    store.restore_from_trash(trashed.stored_path)
    assert store.files() == sorted([kept.stored_path, trashed.stored_path])
    assert store.trashed() == []
    store.move_to_trash(trashed.stored_path)
    assert store.empty_trash() == 1
    assert store.trashed() == [] and not (store.root / ".trash").exists()
    assert store.files() == [kept.stored_path]


def test_trash_refuses_unknown_and_escaping_paths(store, tmp_path):
    put(store, tmp_path, "a.pdf", b"x")
    with pytest.raises(StorageError) as caught:
        store.move_to_trash("00/nothing.pdf")
    assert caught.value.messages[0].code == "store.not_stored"
    with pytest.raises(StorageError) as caught:
        store.restore_from_trash("00/nothing.pdf")
    assert caught.value.messages[0].code == "store.not_in_trash"
    with pytest.raises(StorageError) as caught:
        store.move_to_trash("../outside.pdf")
    assert caught.value.messages[0].code == "store.bad_path"


def test_files_leave_out_temporary_files(store, tmp_path):
    kept = put(store, tmp_path, "a.pdf", b"x")
    (store.root / ".incoming-abc").write_bytes(b"half")
    assert store.files() == [kept.stored_path]


def test_verify_finds_missing_corrupted_and_orphaned(store, tmp_path):
    good = put(store, tmp_path, "good.pdf", b"good")
    gone = put(store, tmp_path, "gone.pdf", b"gone")
    bad = put(store, tmp_path, "bad.pdf", b"bad")
    orphan = put(store, tmp_path, "orphan.pdf", b"orphan")
    referenced = {f.stored_path: f.sha256 for f in (good, gone, bad)}
    assert store.verify(referenced).missing == ()
    store.path_of(gone.stored_path).unlink()
    store.path_of(bad.stored_path).write_bytes(b"tampered")
    report = store.verify(referenced)
    assert report.missing == (gone.stored_path,)
    assert report.corrupted == (bad.stored_path,)
    assert report.orphaned == (orphan.stored_path,)
    assert report.checked == 3 and not report.healthy
    store.move_to_trash(orphan.stored_path)          # a trashed file is no orphan
    assert store.verify(referenced).orphaned == ()


def test_an_empty_store_is_healthy(tmp_path):
    assert AttachmentStore(tmp_path / "none").verify({}).healthy


def test_export_tree_uses_readable_names_and_numbers_clashes(store, tmp_path):
    one = put(store, tmp_path, "1.pdf", b"one")
    two = put(store, tmp_path, "2.pdf", b"two")
    three = put(store, tmp_path, "3.PNG", b"three")
    entries = [
        ExportEntry(one.stored_path, "精测/传感", "发明专利", "一种方法: A*B?", 2022, ".pdf"),
        ExportEntry(two.stored_path, "精测/传感", "发明专利", "一种方法: A*B?", 2022, ".pdf"),
        ExportEntry(three.stored_path, "精测/传感", "称号", "小巨人", None, ".PNG"),
    ]
    target = tmp_path / "out"
    written = export_tree(store, entries, target)
    assert [p.relative_to(target).as_posix() for p in written] == [
        "精测_传感/发明专利/2022-一种方法_ A_B_.pdf",
        "精测_传感/发明专利/2022-一种方法_ A_B_ (2).pdf",
        "精测_传感/称号/小巨人.png"]
    assert [p.read_bytes() for p in written] == [b"one", b"two", b"three"]
    again = export_tree(store, entries[:1], target)   # never overwrites what is there
    assert again[0].name == "2022-一种方法_ A_B_ (3).pdf"


def test_safe_names():
    assert safe_name("  ..a<b>c.. ") == "a_b_c"
    assert safe_name("CON") == "_CON"
    assert safe_name("") == "_"
