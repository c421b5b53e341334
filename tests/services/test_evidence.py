"""Evidence items and their files: copied into the store, deduplicated, all or nothing."""
import hashlib
from datetime import date

import pytest

from desktop.domain.enums import Acquisition, EvidenceKind
from desktop.domain.errors import StorageError, ValidationError
from tests.conftest import snapshot

PATENT = {"kind": "invention_patent", "title": "一种高精度温湿度传感器", "number": "ZL202110234567.8",
          "issuer": "国家知识产权局", "granted_date": "2022-05-10", "valid_until": "2041-03-01",
          "related_to_leading_product": True, "acquisition": "self_developed", "holder_rank": 1}


def test_a_patent_with_two_files_is_stored_and_hashed(workspace, firm, tmp_path):
    certificate = tmp_path / "证书.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    photo = tmp_path / "photo.PNG"
    photo.write_bytes(b"\x89PNG fake")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (certificate, photo))
    assert item.kind is EvidenceKind.INVENTION_PATENT and item.acquisition is Acquisition.SELF_DEVELOPED
    assert [a.original_name for a in item.attachments] == ["证书.pdf", "photo.PNG"]
    stored = workspace.evidence.file_path(item.attachments[0])
    assert stored.read_bytes() == certificate.read_bytes()
    assert item.attachments[0].sha256 == hashlib.sha256(certificate.read_bytes()).hexdigest()
    certificate.unlink()  # the evidence no longer depends on the original
    assert stored.exists()


def test_the_same_content_is_stored_once(workspace, firm, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(b"same")
    second.write_bytes(b"same")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (first, second))
    assert item.attachments[0].stored_path == item.attachments[1].stored_path
    files = [p for p in workspace.paths.attachments.rglob("*") if p.is_file()]
    assert len(files) == 1


def test_a_missing_file_refuses_the_whole_item(workspace, firm, tmp_path):
    good = tmp_path / "good.pdf"
    good.write_bytes(b"ok")
    before = snapshot(workspace)
    with pytest.raises(StorageError) as caught:
        workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (good, tmp_path / "gone.pdf"))
    assert caught.value.messages[0].code == "file.not_found"
    assert snapshot(workspace) == before


@pytest.mark.parametrize("changes, field, code", [
    ({"title": ""}, "title", "field.required"),
    ({"granted_date": "2030-01-01"}, "granted_date", "date.in_future"),
    ({"valid_until": "2020-01-01"}, "valid_until", "date.before"),
    ({"transfer_date": "2025-01-01"}, "transfer_date", "evidence.transfer_date_without_transfer"),
    ({"holder_rank": 0}, "holder_rank", "rank.not_positive"),
    ({"subtype": "little_giant"}, "subtype", "subtype.not_allowed"),
    ({"kind": "rumour"}, "kind", "value.unknown_choice"),
    ({"level": "galactic"}, "level", "value.unknown_choice"),
])
def test_each_evidence_rule(workspace, firm, changes, field, code):
    with pytest.raises(ValidationError) as caught:
        workspace.evidence.parse(firm.id, {**PATENT, **changes})
    assert {m.field: m.code for m in caught.value.messages}[field] == code


def test_a_title_takes_a_known_subtype(workspace, firm):
    title = {"kind": "title", "subtype": "specialized_sme", "title": "江苏省专精特新中小企业",
             "level": "provincial", "granted_date": "2024-01-15", "valid_until": "2027-01-14"}
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, title))
    assert item.subtype == "specialized_sme" and item.valid_until == date(2027, 1, 14)
    with pytest.raises(ValidationError):
        workspace.evidence.parse(firm.id, {**title, "subtype": "giant"})


def test_update_and_remove(workspace, firm, tmp_path):
    file = tmp_path / "c.pdf"
    file.write_bytes(b"c")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (file,))
    import dataclasses

    changed = workspace.evidence.update(dataclasses.replace(item, holder_rank=2))
    assert changed.holder_rank == 2 and len(changed.attachments) == 1
    workspace.evidence.detach(item.attachments[0].id)
    assert workspace.evidence.get(item.id).attachments == ()
    workspace.evidence.remove(item.id)
    assert workspace.evidence.items(firm.id) == []
    assert workspace.evidence.file_path(item.attachments[0]).exists()  # files are never lost


def test_a_detached_attachment_comes_back_with_its_id(workspace, firm, tmp_path):
    file = tmp_path / "d.pdf"
    file.write_bytes(b"d")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, PATENT), (file,))
    detached = workspace.evidence.detach(item.attachments[0].id)
    assert workspace.evidence.reattach(detached) == detached
    assert workspace.evidence.get(item.id).attachments == (detached,)
