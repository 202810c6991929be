"""Every relative link in README.md and docs/*.md leads to a file in the checkout and, with a #fragment, to a
heading of that file; and nothing a user reads points outside the checkout (a user's clone has only itself)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
PAGES = [CHECKOUT / "README.md", *sorted((CHECKOUT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^#{1,6} +(.+?) *#*$", re.MULTILINE)


def prose_of(page: Path) -> str:
    """The page without its code blocks, where `[x](y)` is text, not a link."""
    return FENCE.sub("", page.read_text(encoding="utf-8"))


def anchors_of(page: Path) -> set[str]:
    """The fragments GitHub gives the page's headings: lower case, punctuation dropped, spaces to hyphens,
    a repeated heading numbered -1, -2, ..."""
    anchors: set[str] = set()
    for heading in HEADING.findall(prose_of(page)):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        anchor, repeat = slug, 0
        while anchor in anchors:
            repeat += 1
            anchor = f"{slug}-{repeat}"
        anchors.add(anchor)
    return anchors


def relative_links() -> list[tuple[Path, str]]:
    return [
        (page, target)
        for page in PAGES
        for target in LINK.findall(prose_of(page))
        if not re.match(r"[a-z]+:", target)  # https:, mailto: are not files of the checkout
    ]


def test_the_pages_have_relative_links_to_check() -> None:
    linked_pages = {page.name for page, _ in relative_links()}
    assert {"README.md", "workflow.md", "operations.md"} <= linked_pages


@pytest.mark.parametrize(
    ("page", "target"), relative_links(), ids=[f"{page.name}:{target}" for page, target in relative_links()]
)
def test_a_relative_link_leads_to_a_file_and_heading(page: Path, target: str) -> None:
    path_part, _, fragment = target.partition("#")
    linked = (page.parent / path_part).resolve() if path_part else page
    assert linked.is_relative_to(CHECKOUT), f"{page.name} links outside the checkout: {target}"
    assert linked.exists(), f"{page.name} links to {target}, which is not in the checkout"
    if fragment:
        assert fragment in anchors_of(linked), f"{page.name} links to {target}: {linked.name} has no such heading"


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_no_page_points_into_the_projects_shared_folder(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text
    assert "/work/shared" not in text
