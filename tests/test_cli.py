"""The `lis` command line, as a person or a script uses it."""

import json
import os
import subprocess
import sys

import pytest

from bot.cli import main


@pytest.fixture
def ingested(capsys):
    assert main(["ingest"]) == 0
    capsys.readouterr()


def test_ingest_prints_a_summary_and_is_idempotent(capsys):
    assert main(["ingest"]) == 0
    assert "5 added, 0 updated, 0 unchanged, 0 removed, 0 failed" in capsys.readouterr().out
    assert main(["ingest"]) == 0
    assert "0 added, 0 updated, 5 unchanged" in capsys.readouterr().out


def test_ingest_reports_a_broken_file_and_exits_non_zero(capsys, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    assert main(["ingest", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "1 failed" in captured.out
    assert "broken.pdf: not a readable PDF" in captured.err
    assert "Traceback" not in captured.err


def test_ask_prints_answer_sources_and_contact(ingested, capsys):
    assert main(["ask", "What is SmartMed?"]) == 0
    out = capsys.readouterr().out
    assert "SmartMed" in out and "[1]" in out
    assert "Sources" in out and "North East Local Industrial Strategy" in out
    assert "Who to contact" in out and "michael.wood@nhsconfed.org" in out


def test_ask_json_prints_one_contract_object(ingested, capsys):
    assert main(["ask", "--json", "What are T levels?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == "What are T levels?"
    assert data["mode"] == "extractive"
    assert data["citations"][0]["quote"]


def test_ask_json_file_prints_json_lines_in_order(ingested, capsys, tmp_path):
    questions = [
        "What is SmartMed?",
        "",
        "What is the recipe for a good lasagne?",
        "What are T levels?",
    ]
    path = tmp_path / "questions.txt"
    path.write_text("\n".join(questions))
    assert main(["ask", "--json", "--file", str(path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["question"] for o in objects] == [q for q in questions if q]
    assert [o["mode"] for o in objects] == ["extractive", "no_answer", "extractive"]


def test_sources_lists_documents_with_dates(ingested, capsys):
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    assert "5 documents" in out
    assert "Understanding the Industrial Strategy white paper" in out and "December 2017" in out


def test_eval_prints_the_figures(ingested, capsys):
    assert main(["eval", "benchmarks/dev.yaml"]) == 0
    out = capsys.readouterr().out
    assert "hit@5" in out and "fact recall" in out and "2/2" in out


def test_too_long_question_is_refused_without_traceback(ingested, capsys):
    assert main(["ask", "why " * 1000]) == 2
    captured = capsys.readouterr()
    assert "keep it under 2,000" in captured.err


def test_malformed_contacts_file_names_the_line(ingested, capsys, knowledge_copy, monkeypatch):
    (knowledge_copy / "contacts.yaml").write_text("national:\n  org: [unclosed\n  name: x\n")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge_copy))
    assert main(["ask", "What is SmartMed?"]) == 2
    err = capsys.readouterr().err
    assert "contacts.yaml is not valid YAML at line" in err
    assert "Traceback" not in err


def test_invalid_setting_is_explained(capsys, monkeypatch):
    monkeypatch.setenv("EMBEDDINGS", "magic")
    assert main(["sources"]) == 2
    assert "EMBEDDINGS" in capsys.readouterr().err


def test_piped_questions_are_answered_by_the_console(tmp_path):
    """`echo QUESTION | lis run` answers and exits at the end of input, as `make run` does."""
    env = {**os.environ}
    lis = [sys.executable, "-m", "bot.cli"]
    subprocess.run([*lis, "ingest", "--quiet"], env=env, check=True, timeout=120)
    result = subprocess.run(
        [*lis, "run"],
        input="What is SmartMed?\n\nWhat are T levels?\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Sources") == 2
    assert "Centre for Process Innovation" in result.stdout


def test_digest_prints_deadlines_as_of_a_date(ingested, capsys):
    assert main(["digest", "--date", "2020-02-20", "--days", "60"]) == 0
    out = capsys.readouterr().out
    assert "Deadlines from Thursday 20 February 2020, next 60 days" in out
    assert "end of March (in 40 days) · Agreement · England" in out
    assert "Source: Health in all local industrial strategies?" in out


def test_digest_post_without_a_slack_token_says_what_to_set(ingested, capsys):
    assert main(["digest", "--post"]) == 2
    assert "SLACK_BOT_TOKEN" in capsys.readouterr().err


def test_digest_rejects_a_bad_date(capsys):
    with pytest.raises(SystemExit):
        main(["digest", "--date", "31/03/2020"])
    assert "is not a date (YYYY-MM-DD)" in capsys.readouterr().err
