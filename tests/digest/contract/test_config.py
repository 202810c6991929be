from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import ReviewSettings, load_settings
from digest.contract.config import BUILT_IN_DEFAULTS, ConfigError, load_config, parse_config

SHIPPED = Path(__file__).resolve().parents[3] / "config" / "missing-report.toml"
MINIMAL_ETHNICITY = '\n[ethnicity]\ncodes = [["A1", "White British"], ["E4", "Not recorded"]]\n'


def test_minimal_config_reads(tmp_path: Path) -> None:
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL_ETHNICITY)
    config = load_config(path)
    assert config.rhi_deadline.describe() == "3 working days"
    assert config.ethnicity.blank == "E4"  # the last code, when blank is not set
    assert config.column_aliases["child_id"] == ["child_id"]


def test_shipped_config_reads(tmp_path: Path) -> None:
    config = load_config(SHIPPED)
    assert config.rhi_deadline.describe() == "3 working days"
    assert config.ethnicity.blank == "E4"
    assert sorted(config.ethnicity.bme) == sorted(
        code for code, _ in config.ethnicity.codes if code not in {"A1", "E3", "E4"}
    )
    assert "Person ID" in config.column_aliases["child_id"]
    assert config.synonyms["care_status"]["cla"] == "LAC"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[columns\n", "is not valid TOML"),
        ('[columns]\nchild = ["Kid"]\n', "[columns] child is not a contract column; use one of episode_id, child_id,"),
        ('[columns]\nchild_id = "Kid"\n', "[columns] child_id must be a list of names in quotes"),
        (
            '[columns]\nchild_id = ["Ref"]\nepisode_id = ["Ref"]\n',
            '[columns] header "Ref" is listed for both child_id and episode_id; keep it under one',
        ),
        (
            '[values.care_status]\nFostered = ["F"]\n',
            "[values.care_status] 'Fostered' is not one of Early Help, CIN, CPP, LAC, Care Leaver, Not a client",
        ),
        ('[values.care_status]\nLAC = ["X"]\nCIN = ["X"]\n', '[values.care_status] "X" means both LAC and CIN'),
        ("[values.colour]\n", "[values.colour] is not a known value list"),
        ('[ethnicity]\ncodes = [["A1", "White British"]]\nblank = "E4"\n', "[ethnicity] blank = 'E4' is not in codes"),
        (
            '[ethnicity]\ncodes = [["A1", "White British"]]\nnot_bme = ["A2"]\nblank = "A1"\n',
            "[ethnicity] not_bme names 'A2', which is not in codes",
        ),
        ("[ethnicity]\ncodes = []\n", '[ethnicity] codes must list ["code", "label"] pairs'),
        ("[store]\npath = 3\n", "[store] path must be a file path in quotes"),
        (
            '[ssd.ethnicity]\nWBRI = "A1"\nWENG = "A9"\n' + MINIMAL_ETHNICITY,
            "[ssd.ethnicity] WENG = 'A9' is not in [ethnicity] codes; map it onto one of them, or remove "
            "[ssd.ethnicity] to read SSD codes as the codes listed there",
        ),
        ('[ssd]\nethnicity = "WBRI"\n', '[ssd.ethnicity] must be a table of SSD_CODE = "CODE"'),
    ],
)
def test_config_mistakes_are_explained(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text + ("" if "[ethnicity]" in text else MINIMAL_ETHNICITY))
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert message in str(error.value)
    assert str(error.value).startswith(f"config file {path}")


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist; pass --config with the right path"):
        load_config(tmp_path / "nope.toml")


def test_built_in_defaults_agree_with_the_shipped_config(tmp_path: Path) -> None:
    built_in = parse_config(BUILT_IN_DEFAULTS, Path("defaults"))
    shipped = load_config(SHIPPED)
    assert built_in.ethnicity.codes == shipped.ethnicity.codes
    assert built_in.ethnicity.bme == shipped.ethnicity.bme
    assert built_in.ethnicity.blank == shipped.ethnicity.blank
    assert built_in.rhi_deadline == shipped.rhi_deadline
    for vocabulary, lookup in built_in.synonyms.items():
        assert lookup.items() <= shipped.synonyms[vocabulary].items(), vocabulary
    assert built_in.synonyms["gender"] == shipped.synonyms["gender"]  # the spec's exact spellings, no more
    assert built_in.column_aliases == shipped.column_aliases
    assert built_in.revision_threshold == shipped.revision_threshold
    assert built_in.ssd_ethnicity == shipped.ssd_ethnicity
    assert shipped.ssd_ethnicity["CNHE"] == shipped.ssd_ethnicity["CHNE"] == "E1"
    environment = {"TEAMS_DIGEST_WEBHOOK_URL": "https://prod-1.westeurope.logic.azure.com/workflows/1?sig=s"}
    assert load_settings(built_in, environment).teams == load_settings(shipped, environment).teams
    assert load_settings(built_in, environment).review == load_settings(shipped, environment).review
    assert load_settings(shipped, environment).review == ReviewSettings()  # off, as the code's own default


TEAMS_MISTAKES = [
    (
        '[teams]\ndigest_webhook = "https://prod-1.logic.azure.com/x?sig=s"\n',
        {},
        "[teams] digest_webhook must name an environment variable that holds the webhook URL, like "
        '"TEAMS_DIGEST_WEBHOOK_URL" (the URL is a secret: put it in that variable, never in this file)',
    ),
    (
        '[teams]\nalerts_webhook = "MY_ALERTS_URL"\n',
        {"MY_ALERTS_URL": "http://teams.example.org/x"},
        "MY_ALERTS_URL (in the environment) must be the https:// URL of the Teams workflow's webhook trigger",
    ),
    ('[teams]\ntable_link = "file:///S:/reports"\n', {}, "[teams] table_link = 'file:///S:/reports' must be"),
]


REVIEW_MISTAKES = [
    (
        '[digest]\nreview_channel = "#analysts"\n',
        {},
        "[digest] review_channel = '#analysts' is not a Slack channel ID: use the analysts' channel's ID, like "
        '"C0123456789" (in Slack, the channel\'s details, at the bottom of About), or "" for no review',
    ),
    (
        '[digest]\nreview_channel = "C0DIGEST1"\n',
        {"SLACK_DIGEST_CHANNEL": "C0DIGEST1"},
        "[digest] review_channel is the managers' digest channel (C0DIGEST1): drafts go to the analysts' own "
        'channel, so set review_channel to that channel\'s ID, or to "" for no review',
    ),
    (
        '[digest]\nreview_deadline = "two days"\n',
        {},
        '[digest] review_deadline: \'two days\' is not a deadline; write "3 working days" or "72 hours"',
    ),
    (
        '[digest]\nif_not_published = "wait"\n',
        {},
        '[digest] if_not_published = \'wait\' must be "publish" (publish the draft at the deadline) or "remind" '
        "(remind the review channel each working day and keep waiting)",
    ),
    (
        '[digest]\npublishers = ["U0LEAD123", "jo.bloggs"]\n',
        {},
        "[digest] publishers lists 'jo.bloggs', which is not a Slack user ID: use member IDs like \"U0123456789\"",
    ),
]


@pytest.mark.parametrize(("text", "environment", "message"), TEAMS_MISTAKES + REVIEW_MISTAKES)
def test_bot_settings_mistakes_are_explained(
    tmp_path: Path, text: str, environment: dict[str, str], message: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text + MINIMAL_ETHNICITY)
    with pytest.raises(ConfigError) as error:
        load_settings(load_config(path), environment)
    assert message in str(error.value)


def test_teams_webhook_named_in_the_config_is_read_and_shown_without_its_secret(tmp_path: Path) -> None:
    path = tmp_path / "teams.toml"
    path.write_text('[teams]\ndigest_webhook = "COUNCIL_TEAMS_DIGEST"\n' + MINIMAL_ETHNICITY)
    url = "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=SECRET"
    teams = load_settings(load_config(path), {"COUNCIL_TEAMS_DIGEST": url}).teams
    assert teams.digest_webhook is not None
    assert (teams.digest_webhook.url, teams.digest_webhook.env) == (url, "COUNCIL_TEAMS_DIGEST")
    assert teams.digest_webhook.shown == "prod-12.westeurope.logic.azure.com/…"
    assert "SECRET" not in repr(teams)
    assert teams.alerts_webhook is None


def test_no_config_file_anywhere_uses_the_built_in_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no ./config here
    monkeypatch.delenv("MISSING_REPORT_CONFIG", raising=False)
    monkeypatch.setattr("digest.contract.config.SHIPPED_CONFIG", tmp_path / "not-installed.toml")
    config = load_config()
    assert str(config.source) == "(built-in defaults)"
    assert config.synonyms["care_status"]["child protection"] == "CPP"
