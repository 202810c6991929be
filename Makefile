# Everything runs inside .venv, built from the pinned requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WORKERS ?= 2  # pytest-xdist processes: the tests wait on real servers and processes, so two share the cores well
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test test-slow test-all lint types imports check bench card-screenshots browser-tools clean

$(STAMP): requirements.lock pyproject.toml
	rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## The main job on bundled demo data, no Slack credentials needed.
demo: $(STAMP)
	@$(BIN)/missing-report demo

## The tests, less those marked slow: what `make check` runs.
test: $(STAMP)
	$(BIN)/pytest -n $(WORKERS) -m "not slow"

## The slow tests alone (real servers and commands started, killed mid-way and raced; whole demo runs; every
## development question of the blind corpus read and answered):
## CI runs them after `make check`.
test-slow: $(STAMP)
	$(BIN)/pytest -n $(WORKERS) -m slow

## Every test.
test-all: $(STAMP)
	$(BIN)/pytest -n $(WORKERS)

lint: $(STAMP)
	$(BIN)/ruff check digest bot tests bench
	$(BIN)/ruff format --check digest bot tests bench

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

## Lint, types, the import contracts, then the tests less the slow ones (within 2 minutes on 2 cores);
## CI runs this, then `make test-slow`.
check: lint types imports test

## Speed figures on a million synthetic episodes (not part of CI).
bench: $(STAMP)
	$(BIN)/python bench/run.py

## Screenshots of the demo digest's Teams card, its review draft (and once published), an alert and a comment card, drawn by Microsoft's Adaptive Cards
## renderer in headless Chromium (charts show their fallback there). Installs chromium and the renderer.
CARD_RENDER := tools/card-render
SHOTS := data/card-screenshots
card-screenshots: $(STAMP) $(CARD_RENDER)/node_modules/.package-lock.json
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	@$(BIN)/missing-report demo >/dev/null
	@$(BIN)/missing-report --db data/demo/demo.db comment --month 2019-06 --section 5 --by "Demo analyst" \
		--text "RHI completion fell because two workers were on leave in the second half of the month." >/dev/null
	@$(BIN)/missing-report --db data/demo/demo.db digest --month 2019-06 --out data/demo/outbox >/dev/null
	@mkdir -p $(SHOTS)
	@$(BIN)/python -c 'import sys; from bot.chats.teams.comments import render_comment_card; from bot.chats.teams.cards import render_envelope; from digest.lookups.comments import CommentReply; from digest.reporting.commentary import load_section_comments; from digest.figures.periods import parse_month; from digest.store.snapshots import open_store; m = parse_month("2019-06"); sys.stdout.buffer.write(render_envelope(render_comment_card(CommentReply(True, "", m, load_section_comments(open_store("data/demo/demo.db"), m)))))' \
		> $(SHOTS)/teams-comment.json
	@$(BIN)/python -c 'import sys; from bot.chats.teams.alert_card import render_alert_card; from bot.chats.teams.cards import render_envelope; sys.stdout.buffer.write(render_envelope(render_alert_card(sys.argv[1])))' \
		"More children missing: 4 now, up from 2 at the last extract (18/07/2019 09:00 to 18/07/2019 12:00). Of the 4: 2 LAC, 2 at CSE risk (medium/high); 1 missing over 24 hours, 1 over 72 hours; the longest missing for 4 days 2 hours. 2 went missing since the last extract." \
		> $(SHOTS)/teams-alert.json
	@for kind in draft published; do $(BIN)/python -c 'import sys; from bot.chats.teams.cards import render_envelope; from bot.chats.teams.digest_card import render_table_note; from bot.chats.teams.reviews import render_draft_card, render_reviewed_card; from digest.contract.config import load_config; from dataclasses import replace; from digest.reporting.digests import build_digest, name_workbook; from digest.store.snapshots import open_store; d = build_digest(open_store("data/demo/demo.db"), load_config(), 2019 * 12 + 5, None, files=sys.argv[1] == "draft"); d = replace(d, workbook_name=name_workbook(d.month)); n = render_table_note(d, None); card = render_draft_card(d, n) if sys.argv[1] == "draft" else render_reviewed_card(d, "Published by Priya Shah at 10:12 on Thursday 11 July 2019.", n); sys.stdout.buffer.write(render_envelope(card))' $$kind \
		> $(SHOTS)/teams-$$kind.json; done
	$(CARD_RENDER)/render.sh data/demo/outbox/2019-06/teams-card.json $(SHOTS)/teams-digest.png
	$(CARD_RENDER)/render.sh $(SHOTS)/teams-draft.json $(SHOTS)/teams-draft.png
	$(CARD_RENDER)/render.sh $(SHOTS)/teams-published.json $(SHOTS)/teams-published.png
	$(CARD_RENDER)/render.sh $(SHOTS)/teams-alert.json $(SHOTS)/teams-alert.png
	$(CARD_RENDER)/render.sh $(SHOTS)/teams-comment.json $(SHOTS)/teams-comment.png

## What the web report's browser tests need: Debian's chromium and chromium-driver (installed only if missing;
## never a downloaded browser), and axe-core from the npm registry, pinned by tools/axe/package-lock.json.
AXE := tools/axe
browser-tools: $(AXE)/node_modules/.package-lock.json
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update && apt-get install -y chromium chromium-driver)

$(AXE)/node_modules/.package-lock.json: $(AXE)/package.json $(AXE)/package-lock.json
	@command -v npm >/dev/null || (apt-get update && apt-get install -y npm)
	cd $(AXE) && npm ci --no-audit --no-fund

$(CARD_RENDER)/node_modules/.package-lock.json: $(CARD_RENDER)/package.json $(CARD_RENDER)/package-lock.json
	@command -v npm >/dev/null || (apt-get update && apt-get install -y npm)
	cd $(CARD_RENDER) && npm ci --no-audit --no-fund

clean:
	rm -rf $(VENV) data/demo data/card-screenshots $(CARD_RENDER)/node_modules $(AXE)/node_modules .pytest_cache .mypy_cache .ruff_cache
