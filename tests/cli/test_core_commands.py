"""The foundation commands print the documented shapes and exit with the documented codes."""

from __future__ import annotations

import json


def test_init_twice_succeeds_and_second_run_changes_nothing(cli):
    first = cli.json("init", "--pack", str(cli.pack))
    assert first["changes"]["claims"]["added"] > 0
    second = cli.json("init", "--pack", str(cli.pack))
    assert all(set(counts) == {"unchanged"} for counts in second["changes"].values())


def test_stats_json_has_the_documented_keys(cli):
    cli.json("init", "--pack", str(cli.pack))
    data = cli.json("stats")
    assert set(data) == {
        "conditions",
        "findings",
        "drugs",
        "claims",
        "references",
        "references_without_locator",
        "claims_without_reference",
        "sources",
    }
    assert data["conditions"] == 2


def test_conditions_json_lists_ids_names_and_codes(cli):
    cli.json("init", "--pack", str(cli.pack))
    data = cli.json("conditions")
    assert {"id": "clot", "name": "Deep vein thrombosis", "icd10": ["I82.40"]} in data


def test_show_accepts_a_lay_name_and_cites_every_line(cli):
    cli.json("init", "--pack", str(cli.pack))
    data = cli.json("show", "blood clot in the leg")
    assert data["id"] == "clot"
    numbers = {ref["n"] for ref in data["references"]}
    for lines in data["sections"].values():
        for line in lines:
            assert set(line["citations"]) <= numbers
            assert line["citations"], line
    human = cli.run("show", "clot")
    assert human.returncode == 0 and "References" in human.stdout


def test_show_of_an_unknown_concept_is_a_one_line_error_with_exit_1(cli):
    cli.json("init", "--pack", str(cli.pack))
    result = cli.run("show", "no-such-thing")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: no concept named")
    assert len(result.stderr.strip().splitlines()) == 1


def test_first_use_of_an_empty_database_initialises_it(tmp_path):
    from tests.cli.conftest import Cli

    fresh = Cli(f"sqlite:///{tmp_path / 'fresh.db'}")
    data = fresh.json("stats")
    assert data["conditions"] >= 1


def test_unknown_option_is_a_usage_error_with_exit_2(cli):
    assert cli.run("stats", "--no-such-option").returncode == 2


def test_lint_json_reports_problems_and_exits_1(cli, tmp_path):
    import shutil

    bad = tmp_path / "bad"
    shutil.copytree(cli.pack, bad)
    (bad / "findings" / "extra.yaml").write_text("- {id: lonely, name: Lonely}\n")
    result = cli.run("knowledge", "lint", "--pack", str(bad), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] == 1
    assert data["problems"][0]["file"] == "findings/extra.yaml"


def test_init_refuses_an_invalid_pack(cli, tmp_path):
    import shutil

    bad = tmp_path / "bad"
    shutil.copytree(cli.pack, bad)
    (bad / "findings" / "extra.yaml").write_text("- {id: lonely, name: Lonely}\n")
    result = cli.run("init", "--pack", str(bad))
    assert result.returncode == 1
    assert "findings/extra.yaml" in result.stderr


def test_stats_for_a_domain_counts_its_unsourced_claims(cli, tmp_path):
    cli.json("init", "--pack", str(cli.pack))
    assert cli.json("stats", "--domain", "nowhere")["conditions"] == 0
