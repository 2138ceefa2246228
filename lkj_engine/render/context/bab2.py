"""BAB II PERENCANAAN KINERJA: the risk register (every IKK's risks, grouped). The PK tables print the
sasaran and IKK of `capaian_context`, the budget ones `anggaran_context`."""
from __future__ import annotations

from lkj_engine.render.prose import Sentence


def bab2_context(sasaran: list[dict]) -> dict:
    """The risk register: every IKK's Risiko rows, one group per IKK."""
    return {
        "risiko_register": [
            {"sasaran": s["nama"], "ikk": k["nama"], "rows": k["risiko"]}
            for s in sasaran for k in s["ikk"] if k["risiko"]
        ],
        "kosong": {"risiko": Sentence("Data manajemen risiko tidak tersedia.")},
    }
