"""Allow ``python -m carepath``."""

from carepath.cli import main

raise SystemExit(main())
