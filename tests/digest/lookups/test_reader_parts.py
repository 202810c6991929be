"""Questions in parts and terms defined inside them (round nineteen, tuned on writers BQ to BT): "1) ... 2) ...",
"Define BME as ...", "By 'episode' I mean ...", a list in brackets, a return of figures, teen talk. Answers are asked
of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import pytest

from digest.lookups.questions import TWO_QUESTIONS, NotUnderstood, Question, Reader
from digest.lookups.service import LookupService
from tests.digest.lookups.asking import assert_answers


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "1) LAC episodes in May 2019. 2) LAC episodes in June 2019. 3) The change from May to June, as a number.",
            "LAC episodes, May 2019 against June 2019",
        ),
        (
            "1) RHIs completed within 3 working days in April 2019, count and %. 2) The same for June 2019. "
            "3) Difference in percentage points.",
            "Return home interviews completed in time, April 2019 against June 2019",
        ),
        (
            "Total BME episodes in June 2019. Define BME as the report's 'Total BME' line, nothing else.",
            "BME episodes, June 2019",
        ),
        (
            "Number of missing episodes (all children) in June 2019. By 'episode' I mean each separate missing "
            "incident, not each child.",
            "Missing episodes, June 2019",
        ),
        (
            "% of RHIs completed on time, YTD. 'On time' = within 3 working days; denominator = RHIs accepted.",
            "Return home interviews completed in time, April to June 2019",
        ),
        ("Care status breakdown (EH, CIN, CP, LAC, care leaver, not a client) for May 2019.", "Care status, May 2019"),
        ("same day returns in june - need the count and % for our return", "Same-day returns, June 2019"),
        (
            "how many return interviews were done late last month, outside the 3 days like",
            "Return home interviews not completed in time, June 2019",
        ),
        ("ngl how many times did kids go missing in june", "Missing episodes, June 2019"),
        (
            "how many were from other councils (OLA) in june fr",
            "Episodes of children from another local authority, June 2019",
        ),
    ],
)
def test_parts_definitions_and_lists_are_read_as_one_question(service: LookupService, text: str, title: str) -> None:
    assert_answers(service, text, title)


@pytest.mark.parametrize(
    "text",
    [
        "1) On average, how many times did each child go missing in June 2019? 2) The same for LAC only.",
        "1) Return home interviews offered in June 2019. 2) CSE episodes in June 2019.",
    ],
)
def test_parts_asking_for_different_figures_are_said_to_be_two_questions(reader: Reader, text: str) -> None:
    assert reader.read(text) == NotUnderstood(TWO_QUESTIONS, reader.suggest(text))


def test_a_ref_in_brackets_is_no_numbered_part(reader: Reader) -> None:
    read = reader.read("no. of CSE kids (3.2) in april")
    assert isinstance(read, Question)
    assert read.subject == "children.cse"
