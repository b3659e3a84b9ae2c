"""Issue 12: the same seed gives the same bytes (workbooks and PDF included); personal data stays where it belongs."""

from __future__ import annotations

import filecmp
import zipfile
from pathlib import Path

import pytest

import scenarios
from planning import make_plan
from planning.export import write_plan
from planning.store import save_plan
from scenarios.io import atomic_folder
from scenarios.personal import mask_id, redact_name
from tests.hostile import ID_NUMBER, PHONE, hostile_tiny
from whatif.pack import build_pack, write_pack


def _texts(folder: Path) -> dict[str, str]:
    """Every file of the folder as text: each xlsx member, CSVs, JSON; PDFs and PNGs as raw bytes decoded loosely."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                out[path.name] = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        elif path.is_file():
            out[path.name] = path.read_bytes().decode("utf-8", "replace")
    return out


def test_same_seed_gives_byte_identical_pack_and_plan(tmp_path: Path) -> None:
    """Twice from scratch with seed 4: every file of the pack and of the plan folder is the same, byte for byte."""
    for run in ("a", "b"):
        pack = build_pack("tiny", replications=3, seed=4, plan_time_limit=5)
        write_pack(pack, tmp_path / run / "pack")
        write_plan(pack.scenario, pack.plan, tmp_path / run / "plan")
    for part in ("pack", "plan"):
        a, b = tmp_path / "a" / part, tmp_path / "b" / part
        names = sorted(p.name for p in a.iterdir())
        assert names == sorted(p.name for p in b.iterdir()) and names
        _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
        assert not mismatch and not errors, mismatch
    assert {"meeting_pack.pdf", "transport_plan.xlsx"} <= set(names_of(tmp_path / "a" / "pack"))
    with zipfile.ZipFile(tmp_path / "a" / "pack" / "transport_plan.xlsx") as z:
        core = z.read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-02-01T00:00:00Z" in core  # the scenario's date


def names_of(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir()]


@pytest.fixture(scope="module")
def personal(tmp_path_factory) -> tuple[scenarios.Scenario, Path]:
    """The hostile tiny roster (W1 with a phone and an identity-card number) planned and packed; ``both``: the plan
    folder, then the redacted pack written into the same folder."""
    root = tmp_path_factory.mktemp("personal")
    sc = scenarios.load(hostile_tiny(root))
    plan = make_plan(sc, seed=1)
    write_plan(sc, plan, root / "plan")
    write_pack(build_pack(sc, replications=2, seed=1, plan_time_limit=5), root / "pack")
    shared = build_pack(sc, replications=2, seed=1, plan_time_limit=5, redact=True)
    write_pack(shared, root / "shared")
    with atomic_folder(root / "both") as stage:
        write_plan(sc, plan, stage)
        save_plan(plan, stage, sc=sc)
    write_pack(shared, root / "both")
    return sc, root


def test_a_redacted_pack_over_a_plan_folder_leaves_no_names_or_phones(personal) -> None:
    """The plan's folder is replaced whole by the redacted pack: nothing of the plan is merged in."""
    _, root = personal
    names = sorted(p.name for p in (root / "both").iterdir())
    assert names == sorted(p.name for p in (root / "shared").iterdir())
    assert not {"manifest.csv", "placement.csv", "placement.xlsx", "plan.json"} & set(names)
    for name, text in _texts(root / "both").items():
        assert PHONE not in text, name


def test_identity_card_numbers_are_never_printed_in_full(personal) -> None:
    _, root = personal
    for name, text in {**_texts(root / "plan"), **_texts(root / "pack"), **_texts(root / "shared")}.items():
        assert ID_NUMBER not in text, name
    assert mask_id(ID_NUMBER) == "6211**********1234" and mask_id("12345") == "***45" and mask_id("") == ""


def test_phones_only_on_the_station_teams_manifests(personal) -> None:
    import openpyxl

    _, root = personal
    texts = _texts(root / "plan")
    assert PHONE in texts["manifest.csv"] and PHONE not in texts["placement.csv"] and PHONE not in texts["routes.csv"]
    for folder, name in ((root / "plan", "placement.xlsx"), (root / "pack", "transport_plan.xlsx")):
        book = openpyxl.load_workbook(folder / name)
        holding = {s.title for s in book.worksheets
                   if any(c.value == PHONE for row in s.iter_rows() for c in row)}
        assert holding and all(t.startswith("车") and t != "车辆总表" for t in holding), holding
        contact = {s.title for s in book.worksheets
                   if any(c.value == "0532-88886666" for row in s.iter_rows() for c in row)}
        assert contact and contact <= holding | {t for t in book.sheetnames if t.startswith("车C")}
    pdf = (root / "pack" / "meeting_pack.pdf").read_bytes()
    assert PHONE.encode() not in pdf


def test_redacted_pack_is_fit_to_share(personal) -> None:
    """--redact: names reduced to surname plus 某, no phone, worker ids kept."""
    sc, root = personal
    text = _texts(root / "shared")["transport_plan.xlsx"]
    for name in sc.workers["name"]:
        if name and not name.startswith("="):
            assert f">{name}<" not in text, name
            assert redact_name(name) in text
    assert PHONE not in text and "0532-88886666" not in text and "孙经理" not in text
    assert all(f">{w}<" in text for w in sc.workers.index)
    assert redact_name("王建国") == "王某" and redact_name("欧阳娜娜") == "欧阳某" and redact_name("John Li") == "J. 某"
