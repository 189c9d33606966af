"""A full or read-only disk: a clear message, nothing lost, and a re-run completes."""

from __future__ import annotations

import pytest

from tests.conftest import KNOWLEDGE
from tests.small_disk import run_on_small_disk

pytestmark = pytest.mark.faults

BIG_DOCUMENT = "\n\n".join(
    f"Paragraph {n}: the Cornwall and Isles of Scilly compact asks NHS partners to plan "
    f"the workforce academy, estates, digital health and procurement together, item {n}. " * 4
    for n in range(1500)
)


def _data_env(**extra: str) -> dict[str, str]:
    return {"LIS_DATA_DIR": "/mnt/data", "KNOWLEDGE_DIR": str(KNOWLEDGE), **extra}


@pytest.mark.parametrize("command", ["serve --port 0", "ingest", "ask 'What is SmartMed?'"])
def test_a_full_disk_at_start_is_a_clear_message(command):
    result = run_on_small_disk(
        f"fill_leaving_kb 0\nlis {command}\necho rc=$?", size_mb=2, **_data_env()
    )
    assert "rc=2" in result.stdout, result.stderr
    assert "disk is full" in result.stderr or "No space left" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["serve --port 0", "ingest", "ask 'What is SmartMed?'"])
def test_a_read_only_data_directory_at_start_is_a_clear_message(command):
    result = run_on_small_disk(
        f"lis {command}\necho rc=$?", size_mb=2, read_only=True, **_data_env()
    )
    assert "rc=2" in result.stdout, result.stderr
    assert "LIS_DATA_DIR" in result.stderr and "Traceback" not in result.stderr


def test_the_disk_filling_during_an_ingest_loses_nothing_and_a_rerun_completes(tmp_path):
    big = tmp_path / "cornwall-compact.txt"
    big.write_text("Cornwall workforce compact\n\n" + BIG_DOCUMENT)
    result = run_on_small_disk(
        f"""
lis ingest --quiet && echo STARTER-OK
fill_leaving_kb 600
lis ingest {big}; echo "full-rc=$?"
echo ---ask-while-full---
lis ask 'What is SmartMed?'
echo ---freed---
rm "$DISK/filler"
lis ingest {big}; echo "rerun-rc=$?"
lis sources
""",
        size_mb=48,
        **_data_env(),
    )
    out, err = result.stdout, result.stderr
    assert "STARTER-OK" in out, err
    assert "full-rc=2" in out
    assert "could not be written (the disk is full)" in err
    assert "previous version" in err and "Traceback" not in err
    while_full = out.split("---ask-while-full---")[1].split("---freed---")[0]
    assert "Centre for Process Innovation" in while_full  # the starter corpus still answers
    assert "rerun-rc=0" in out
    assert "Cornwall workforce compact" in out.split("rerun-rc=0")[1]
    assert "6 documents" in out
