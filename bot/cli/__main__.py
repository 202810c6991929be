"""`python -m bot.cli`: the same as the `missing-report` command."""

import sys

from bot.cli.main import main

sys.exit(main())
