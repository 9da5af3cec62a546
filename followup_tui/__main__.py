"""`python -m followup_tui` runs the command line."""

from followup_tui.cli import main

raise SystemExit(main())
