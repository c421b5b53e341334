"""Hostile and broken packages, built here, each refused with its message code before anything
is written: the database, the attachment store and the backups folder stay as they were."""
from __future__ import annotations

import hashlib
import json
import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.storage.safe_zip import ZipLimits
from tests.conftest import snapshot
from tests.services.test_evidence import PATENT


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rebuild(source: Path, target: Path, data=None, manifest=None, members=None,
            rehash: bool = True) -> Path:
    """A copy of a package with its data, members or manifest changed. The manifest's hashes
    are computed again for the new members unless `rehash` is False."""
    with zipfile.ZipFile(source) as old:
        entries = [(name, old.read(name)) for name in old.namelist()]
    head = json.loads(dict(entries)["manifest.json"])
    entries = [(name, body) for name, body in entries if name != "manifest.json"]
    if data is not None:
        entries = [(name, json.dumps(data(json.loads(body)), ensure_ascii=False).encode()
                    if name == "data.json" else body) for name, body in entries]
    if members is not None:
        entries = members(entries)
    if rehash:
        head["files"] = {getattr(name, "filename", name): {"sha256": sha(body), "size": len(body)}
                         for name, body in entries}
    if manifest is not None:
        head = manifest(head)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # zipfile warns about the duplicate names we want
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, body in entries:
                archive.writestr(name, body)
            archive.writestr("manifest.json", json.dumps(head, ensure_ascii=False))
    return target


@pytest.fixture
def package(workspace, firm, tmp_path):
    """A sound package of a firm with one attached file, exported from the test database."""
    certificate = tmp_path / "证书.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (certificate,))
    return workspace.packages.export(firm.id, tmp_path / "good.srdipkg")


def add(name, body=b"x"):
    return lambda entries: entries + [(name, body)]


def symlink(entries):
    info = zipfile.ZipInfo("files/" + "0" * 64)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return entries + [(info, b"/etc/passwd")]


ZEROS = bytes(30 * 1024 * 1024)   # 30 MB that deflate to about 30 kB


def manifest_change(**changes):
    return lambda head: {**head, **changes}


def first_file(entries):
    return next(name for name, _ in entries if name.startswith("files/"))


CASES = {
    "absolute path": (dict(members=add("/etc/passwd")), "package.unsafe_name", "/etc/passwd"),
    "dot-dot": (dict(members=add("files/../../evil")), "package.unsafe_name", "files/../../evil"),
    "backslash": (dict(members=add("files\\evil")), "package.unsafe_name", "files\\evil"),
    "drive name": (dict(members=add("C:/evil")), "package.unsafe_name", "C:/evil"),
    "symlink": (dict(members=symlink), "package.link", "files/" + "0" * 64),
    "duplicate names": (dict(members=add("data.json", b"{}")), "package.duplicate_name",
                        "data.json"),
    "zip bomb": (dict(members=add("files/" + sha(ZEROS), ZEROS)), "package.compression_ratio",
                 "files/" + sha(ZEROS)),
    "hash mismatch": (dict(manifest=lambda h: {**h, "files": {**h["files"], "data.json": {
        **h["files"]["data.json"], "sha256": "0" * 64}}}), "package.hash_mismatch", "data.json"),
    "size mismatch": (dict(manifest=lambda h: {**h, "files": {**h["files"], "data.json": {
        **h["files"]["data.json"], "size": h["files"]["data.json"]["size"] + 1}}}),
        "package.size_mismatch", "data.json"),
    "unlisted member": (dict(members=add("files/" + "1" * 64), manifest=lambda h: {**h, "files": {
        k: v for k, v in h["files"].items() if k != "files/" + "1" * 64}}),
        "package.unlisted_file", "files/" + "1" * 64),
    "listed but missing": (dict(manifest=lambda h: {**h, "files": {**h["files"], "files/" + "2" * 64: {
        "sha256": "2" * 64, "size": 3}}}), "package.missing_file", "files/" + "2" * 64),
    "unexpected member": (dict(members=add("notes.txt")), "package.unexpected_member", "notes.txt"),
    "unknown version": (dict(manifest=manifest_change(format_version=2)),
                        "package.unknown_version", "manifest.json"),
    "unknown format": (dict(manifest=manifest_change(format="srdi-backup")),
                       "package.unknown_format", "manifest.json"),
    "unknown kind": (dict(manifest=manifest_change(kind="everything")), "package.unknown_kind",
                     "manifest.json"),
    "bad manifest": (dict(manifest=manifest_change(firm="nobody")), "package.bad_manifest",
                     "manifest.json"),
    "malformed data": (dict(members=lambda e: [(n, b"{not json" if n == "data.json" else b)
                                               for n, b in e]), "package.bad_data", "data.json"),
    "invalid USCC": (dict(manifest=lambda h: {**h, "firm": {**h["firm"], "uscc": "91320583MA1MABCDE0"}}),
                     "package.bad_uscc", "manifest.json"),
}


def refused(workspace, path: Path) -> DomainError:
    """Apply `path`, expecting a refusal that changed nothing; returns the error."""
    before = snapshot(workspace)
    store = workspace.evidence.store.files()
    with pytest.raises(DomainError) as error:
        workspace.packages.apply(path)
    assert snapshot(workspace) == before
    assert workspace.evidence.store.files() == store
    assert workspace.backups.list() == []
    return error.value


def test_the_rebuilt_sound_package_is_accepted(workspace, package, tmp_path):
    copy = rebuild(package, tmp_path / "copy.srdipkg")
    assert workspace.packages.preview(copy).info.file_count == 1


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_packages_are_refused_naming_file_and_entry(workspace, package, tmp_path, case):
    changes, code, member = CASES[case]
    hostile = rebuild(package, tmp_path / "hostile.srdipkg", **changes)
    error = refused(workspace, hostile)
    found = [m for m in error.messages if m.code == code]
    assert found, [m.code for m in error.messages]
    assert found[0].params["path"] == str(hostile)
    assert found[0].params.get("name") == member


def test_not_a_zip_and_a_broken_zip(workspace, package, tmp_path):
    text = tmp_path / "letter.srdipkg"
    text.write_text("Dear official, …")
    assert [m.code for m in refused(workspace, text).messages] == ["package.not_a_zip"]
    body = package.read_bytes()
    truncated = tmp_path / "truncated.srdipkg"
    truncated.write_bytes(body[: len(body) // 2])
    assert [m.code for m in refused(workspace, truncated).messages] == ["package.not_a_zip"]
    # A stored (uncompressed) attachment with a flipped byte: the zip's CRC catches it.
    with zipfile.ZipFile(package) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("files/"))
    damaged = tmp_path / "damaged.srdipkg"
    name_length, extra_length = struct.unpack("<HH", body[info.header_offset + 26:
                                                       info.header_offset + 30])
    position = info.header_offset + 30 + name_length + extra_length + 3
    damaged.write_bytes(body[:position] + bytes([body[position] ^ 0xFF]) + body[position + 1:])
    codes = [m.code for m in refused(workspace, damaged).messages]
    assert codes in (["package.member_unreadable"], ["package.hash_mismatch"])


@pytest.mark.parametrize("limits, code", [
    (ZipLimits(max_members=2, max_member_size=1 << 30, max_total_size=1 << 30, max_ratio=100),
     "package.too_many_members"),
    (ZipLimits(max_members=100, max_member_size=10, max_total_size=1 << 30, max_ratio=100),
     "package.member_too_large"),
    (ZipLimits(max_members=100, max_member_size=1 << 30, max_total_size=100, max_ratio=100),
     "package.total_too_large"),
])
def test_limits_on_members_and_sizes(workspace, package, limits, code):
    workspace.packages.limits = limits
    assert code in [m.code for m in refused(workspace, package).messages]


def test_a_firm_that_differs_from_the_manifest_is_refused(workspace, package, tmp_path):
    from tests.conftest import make_uscc

    other = rebuild(package, tmp_path / "other.srdipkg", manifest=lambda h: {
        **h, "firm": {**h["firm"], "uscc": make_uscc(org="MA1QTHERF")}})
    assert [m.code for m in refused(workspace, other).messages] == ["package.firm_mismatch"]


def test_an_attachment_the_data_names_but_the_package_lacks(workspace, package, tmp_path):
    def drop_file(entries):
        return [(n, b) for n, b in entries if not n.startswith("files/")]

    missing = rebuild(package, tmp_path / "missing.srdipkg", members=drop_file)
    messages = refused(workspace, missing).messages
    assert messages[0].code == "package.invalid_data"
    assert [(m.code, m.field) for m in messages[1:]] == [
        ("package.missing_attachment", "evidence.1.files.1.sha256")]
