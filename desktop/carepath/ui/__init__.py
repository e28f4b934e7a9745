"""The Qt window. Importing it loads PySide6 and skips PySide6's per-module source scan
(``carepath._pyside_startup``), so everything imported after it loads faster."""

import PySide6.QtCore  # noqa: F401 - first, so that the scan can be switched off now

from carepath._pyside_startup import skip_pyside_module_scan

skip_pyside_module_scan()
