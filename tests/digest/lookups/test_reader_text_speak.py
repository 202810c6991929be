"""Questions in text-speak, their vowels dropped ("hw mny kds wnt mssng lst mth", "rtn intrvws on tm %"), and what a
past month's report "will show": what round forty-seven's development questions showed (the text-speak writer had 11
of 60). Answers are asked of the reference June 2019 store, as at 18/07/2019."""

from __future__ import annotations

import random

import pytest

from digest.lookups.service import LookupService
from digest.lookups.textspeak import skeleton
from tests.digest.lookups.asking import answered, assert_answers_starting

KNOWN = ["LAC episodes in June", "missing children last month", "return interviews accepted May", "CSE episodes ytd"]


@pytest.mark.parametrize("seed", range(3))
def test_a_question_with_its_vowels_dropped_reads_as_typed_in_full(service: LookupService, seed: int) -> None:
    rng = random.Random(seed)
    for question in KNOWN:
        words = question.split()
        # drop the vowels of some of the words of four letters or more (never a month's or a code's three)
        typed = " ".join(
            skeleton(w) if len(w) > 3 and w.lower() != w.upper() and rng.random() < 0.7 else w for w in words
        )
        assert answered(service, typed) == answered(service, question), typed


@pytest.mark.parametrize(
    ("text", "title", "figure"),
    [
        ("hw mny kds wnt mssng lst mth", "Children missing, June 2019", "*53*"),
        ("sme dy rtns jn", "Same-day returns, June 2019", "*53 (46% of 116 episodes)*"),
        ("fftn yr olds eps in may", "15yrs, May 2019", "*25 (19% of 130 episodes)*"),
        ("jly 2 dt v jn eps", "Missing episodes, June 2019 against July 2019", None),
        ("what will the June report show for LAC episodes?", "LAC episodes, June 2019", "*74*"),
        ("the digest said 116 for June - how many of those were LAC?", "LAC episodes, June 2019", "*74*"),
    ],
)
def test_text_speak_and_a_past_reports_will(service: LookupService, text: str, title: str, figure: str | None) -> None:
    assert_answers_starting(service, text, title, figure)


@pytest.mark.parametrize("text", ["eps Aug 19", "missing figs for aug", "which sw has most missing kids?"])
def test_a_word_with_a_vowel_is_no_text_speak(service: LookupService, text: str) -> None:
    assert not service.ask("U", "C", text).title.startswith(("Age", "17+yrs")), text
