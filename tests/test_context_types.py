"""The render context is typed: every dict a builder returns has exactly the keys of the TypedDict it
declares (none missing, none extra) and values of the declared types, all the way down.

Built from the example (a Kanim) and from the Kanwil example of tests/jajaran_factory.py, so both kinds
of report are checked. Charts are stand-in paths: only their type matters here.
"""
from __future__ import annotations

from dataclasses import replace

import types
import typing
from typing import Any, Callable, Iterator, get_args, get_origin, get_type_hints, is_typeddict

import pytest

import lkj_engine.render.context as context_pkg
from jajaran_factory import kanim_satker, kanwil_workbook
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import consolidate, satker_of
from lkj_engine.model.workbook import Penghargaan
from lkj_engine.render.chart_spec import Figure
from lkj_engine.render.context import ReportContext, build_context
from report_fixture import example_workbook

# The builders `build_context` composes (each returns its own top-level keys).
BUILDERS = ("identitas_context", "teks_context", "capaian_context", "narasi_context", "bab1_context",
            "bab2_context", "anggaran_chapter_context", "lainnya_context", "bab4_context", "gambar_context",
            "jajaran_context")


class AnyChart(dict):
    """Every chart key has a (stand-in) figure, so each ``grafik`` holds a Figure."""

    def get(self, key: str, default: object = None) -> Figure:
        return Figure()


def required(record: type) -> set[str]:
    """The keys a record must have: all but the ``NotRequired`` ones (read from the hints, since
    ``__required_keys__`` misses them under ``from __future__ import annotations`` before Python 3.13)."""
    hints = get_type_hints(record, include_extras=True)
    return {key for key, hint in hints.items() if get_origin(hint) is not typing.NotRequired}


def mismatches(value: object, hint: Any, where: str, seen: set[type]) -> list[str]:
    """Where `value` differs from the type `hint` (a TypedDict is recorded in `seen` when checked)."""
    if hint is Any or hint in (dict, list):
        return [f"{where}: tipe tidak dideklarasikan ({hint})"]
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        found = [mismatches(value, option, where, seen) for option in get_args(hint)]
        return [] if [] in found else min(found, key=len)
    if is_typeddict(hint):
        if type(value) is not dict:
            return [f"{where}: {type(value).__name__}, bukan dict {hint.__name__}"]
        seen.add(hint)
        fields = get_type_hints(hint)
        out = [f"{where}.{key}: tidak ada ({hint.__name__})" for key in sorted(required(hint) - value.keys())]
        out += [f"{where}.{key}: tidak dideklarasikan di {hint.__name__}"
                for key in sorted(value.keys() - fields.keys())]
        for key in (k for k in fields if k in value):
            out += mismatches(value[key], fields[key], f"{where}.{key}", seen)
        return out
    if origin is list:
        if type(value) is not list:
            return [f"{where}: {type(value).__name__}, bukan list"]
        (item,) = get_args(hint)
        return [m for i, v in enumerate(value) for m in mismatches(v, item, f"{where}[{i}]", seen)]
    if origin is dict:
        if type(value) is not dict:
            return [f"{where}: {type(value).__name__}, bukan dict"]
        key_type, value_type = get_args(hint)
        return [m for k, v in value.items() for m in
                mismatches(k, key_type, f"{where}<kunci>", seen) + mismatches(v, value_type, f"{where}.{k}", seen)]
    if hint is type(None):
        return [] if value is None else [f"{where}: {type(value).__name__}, bukan None"]
    if isinstance(hint, type):
        return [] if isinstance(value, hint) else [f"{where}: {type(value).__name__}, bukan {hint.__name__}"]
    return [f"{where}: tipe {hint} tidak dikenal pemeriksa ini"]


def records(hint: Any) -> Iterator[type]:
    """Every TypedDict a declared type reaches (itself, its fields' records, their items')."""
    if is_typeddict(hint):
        yield hint
        for field in get_type_hints(hint).values():
            yield from records(field)
    for arg in get_args(hint):
        yield from records(arg)


def built(results, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, list[tuple[str, Any, dict]]]:
    """The context, and each builder's (name, declared return type, returned dict) as it returned it."""
    calls: list[tuple[str, Any, dict]] = []

    def spy(name: str, builder: Callable) -> Callable:
        declared = get_type_hints(builder)["return"]

        def wrapper(*args: object, **kwargs: object) -> dict:
            result = builder(*args, **kwargs)
            calls.append((name, declared, dict(result)))
            return result
        return wrapper

    for name in BUILDERS:
        monkeypatch.setattr(context_pkg, name, spy(name, getattr(context_pkg, name)))
    return build_context(results, AnyChart(), []), calls


@pytest.fixture(scope="module")
def kanim():
    return compute(example_workbook())


@pytest.fixture(scope="module")
def kanwil():
    """The factory's jajaran, one Kanim with an award of the report year (the jajaran awards table)."""
    first, *rest = kanim_satker()
    wb = replace(first.results.workbook, penghargaan=[Penghargaan("Predikat WBK", 2025, "Kementerian PANRB", None, 2)])
    return consolidate(kanwil_workbook(), [satker_of(compute(wb), first.berkas), *rest])


@pytest.mark.parametrize("which", ["kanim", "kanwil"])
def test_every_builder_returns_exactly_its_declared_type(which: str, request, monkeypatch) -> None:
    context, calls = built(request.getfixturevalue(which), monkeypatch)
    assert sorted(name for name, _, _ in calls) == sorted(BUILDERS)
    seen: set[type] = set()
    for name, declared, result in calls:
        assert is_typeddict(declared), f"{name} returns {declared}, not a TypedDict"
        assert mismatches(result, declared, name, seen) == []
    assert mismatches(context, ReportContext, "context", seen) == []
    if which == "kanwil":
        assert context["jajaran"] is not None


def test_every_declared_record_is_met_by_a_built_dict(kanim, kanwil, monkeypatch) -> None:
    """No TypedDict goes unchecked: each record the context declares is built by one of the examples."""
    seen: set[type] = set()
    for results in (kanim, kanwil):
        context, calls = built(results, monkeypatch)
        assert mismatches(context, ReportContext, "context", seen) == []
    declared = set(records(ReportContext))
    assert sorted(c.__name__ for c in declared - seen) == []


def test_the_checker_sees_a_missing_an_extra_key_and_a_wrong_type(kanim) -> None:
    """The check above would fail on a context that drifted from its declaration."""
    context = build_context(kanim, AnyChart(), [])
    ikk = context["ikk"][0]
    wrong = {**context, "rata_capaian": None, "tambahan": "", "ikk": [{**ikk, "capaian": 96.7}]}
    del wrong["kosong"]["sejarah"]
    assert sorted(mismatches(wrong, ReportContext, "context", set())) == [
        "context.ikk[0].capaian: float, bukan str",
        "context.kosong.sejarah: tidak ada (Kosong)",
        "context.rata_capaian: NoneType, bukan str",
        "context.tambahan: tidak dideklarasikan di ReportContext",
    ]
