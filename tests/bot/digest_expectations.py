"""The digest as Slack is expected to show it (the reference June 2019 extract)."""

from __future__ import annotations


def field(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


EXPECTED_BLOCKS = [
    {"type": "header", "text": {"type": "plain_text", "text": "Children missing from home or care: June 2019"}},
    {
        "type": "context",
        "elements": [
            field(
                "Data as at 18/07/2019 00:00, snapshot 1 (reference.csv): 375 rows, 0 rejected, 0 unrecognised values."
            )
        ],
    },
    {
        "type": "section",
        "text": field("*Missing episodes*"),
        "fields": [
            field("*116* Episodes\n_down 14 on May-19_"),
            field("*74* of which LAC\n_down 13 on May-19_"),
            field("*28* of which at CSE risk\n_up 12 on May-19_"),
        ],
    },
    {
        "type": "section",
        "text": field("*Children*"),
        "fields": [
            field("*53* Children\n_down 15 on May-19_"),
            field("*28* of which LAC\n_down 5 on May-19_"),
            field("*9* of which at CSE risk\n_down 1 on May-19_"),
        ],
    },
    {
        "type": "section",
        "text": field("*Return home interviews*"),
        "fields": [
            field("*77%* offered a return home interview\n_down 17 points on May-19_"),
            field("*84%* of those offered, accepted\n_down 11 points on May-19_"),
            field("*69%* of those accepted, completed in time\n_down 17 points on May-19_"),
        ],
    },
    {"type": "section", "text": field("*0* still missing at the end of the month\n_same as May-19_")},
    {"type": "divider"},
    {
        "type": "section",
        "text": field(
            "*Highlights*\n• CSE-risk episodes rose from 16 to 28\n"
            "• Episodes of children not known to social care rose from 17 to 23\n"
            "• Children missing fell from 68 to 53"
        ),
    },
    {"type": "context", "elements": [field("Charts and the full table (XLSX) are in the thread.")]},
]
