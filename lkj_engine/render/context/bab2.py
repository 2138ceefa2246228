"""BAB II PERENCANAAN KINERJA: the risk register (every IKK's risks, grouped). The PK tables print the
sasaran and IKK of `capaian_context`, the budget ones `anggaran_context`."""
from __future__ import annotations

from typing import TypedDict

from lkj_engine.render.context.capaian import SasaranContext
from lkj_engine.render.context.ikk import RisikoBaris
from lkj_engine.render.prose import Sentence


class RisikoKelompok(TypedDict):
    sasaran: str
    ikk: str
    rows: list[RisikoBaris]


class Bab2Kosong(TypedDict):
    risiko: Sentence


class Bab2Keys(TypedDict):
    risiko_register: list[RisikoKelompok]


class Bab2Context(Bab2Keys):
    kosong: Bab2Kosong


def bab2_context(sasaran: list[SasaranContext]) -> Bab2Context:
    """The risk register: every IKK's Risiko rows, one group per IKK."""
    return {
        "risiko_register": [
            {"sasaran": s["nama"], "ikk": k["nama"], "rows": k["risiko"]}
            for s in sasaran for k in s["ikk"] if k["risiko"]
        ],
        "kosong": {"risiko": Sentence("Data manajemen risiko tidak tersedia.")},
    }
