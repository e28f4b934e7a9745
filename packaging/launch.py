"""PyInstaller's entry script: the frozen ``carepath`` executable starts here.

It must stay a thin shim over the same ``carepath.cli.main`` that the wheel's console scripts call,
so the frozen app and the installed one parse the same arguments and return the same exit codes.
"""

import sys

from carepath.cli import main

if __name__ == "__main__":
    sys.exit(main())
