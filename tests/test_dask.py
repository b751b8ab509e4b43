"""timeline.run.dask on a real cluster: a distributed.LocalCluster of two worker processes,
started and stopped by the test, gives the same records as one process does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.output import document_to_jsonl_line

EXTRA = "needs the dask extra: pip install 'timeline-nl[dask]' (from a checkout: pip install '.[dask]')"
db = pytest.importorskip("dask.bag", reason=EXTRA)
distributed = pytest.importorskip("distributed", reason=EXTRA)

from timeline.run.dask import analyze_bag, read_jsonl  # noqa: E402

TEXTS = ["Spicer zei donderdag dat het kabinet vrijdag beslist.", "Gisteren vertrok de delegatie naar Parijs.",
         "In december stemde de Kamer in met het plan.", "Twee dagen later legde de minister de sancties op."]


def corpus(n: int) -> list[dict[str, Any]]:
    return [{"id": f"d{k}", "dct": f"2017-02-{k % 27 + 1:02d}", "text": TEXTS[k % len(TEXTS)]} for k in range(n)]


def expected(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [document_to_jsonl_line(timeline.analyze(d["text"], d["dct"]), d["id"]) for d in docs]


@pytest.fixture(scope="module")
def client() -> Any:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as c:
        yield c


def test_a_bag_on_a_two_worker_cluster_equals_one_process(client: Any) -> None:
    docs = corpus(40)
    records = analyze_bag(db.from_sequence(docs, npartitions=6)).compute()
    assert records == expected(docs)
    workers = client.run(lambda: "timeline" in __import__("sys").modules)
    assert len(workers) == 2 and all(workers.values()), "both workers analyzed documents"


def test_jsonl_files_on_shared_storage_with_a_bad_line(client: Any, tmp_path: Path) -> None:
    docs = corpus(12)
    for part in range(3):
        lines = [json.dumps(d) for d in docs[part * 4:(part + 1) * 4]]
        if part == 1:
            lines.insert(2, "{not json")
        (tmp_path / f"part-{part}.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    records = analyze_bag(read_jsonl(str(tmp_path / "part-*.jsonl"))).compute()
    bad = [r for r in records if "error" in r]
    assert len(bad) == 1 and bad[0]["error"].startswith("not JSON")
    assert [r for r in records if "error" not in r] == expected(docs)


def test_documents_and_defaults(client: Any) -> None:
    docs = db.from_sequence([{"text": "Een week voor de inauguratie zei hij het."}, {"id": "x", "text": 3}])
    good, bad = analyze_bag(docs, dct="2017-02-02", anchors={"inauguratie": "2017-01-20"}, documents=True).compute()
    assert good.ok and good.id is None and [t.value for t in good.document.timexes] == ["2017-01-13"]
    assert (bad.id, bad.ok) == ("x", False)
