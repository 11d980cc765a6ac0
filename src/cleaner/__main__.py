"""`python -m cleaner`: the same command line as `cleaner`."""

from .cli import main

raise SystemExit(main())
