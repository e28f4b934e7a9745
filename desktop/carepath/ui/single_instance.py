"""One CarePath window per data file: a second start on the same file brings the first forward.

The data file's lock (``core.lock``) already keeps a second process from writing it; this adds
the polite half. The window holding a file listens on a local socket named after the file
(a hash of its resolved path, and the user, so two users or two files never meet). A second
CarePath that finds the file locked connects, asks the first to come forward, and exits 0
instead of showing an error with only Quit.

QtNetwork is imported only here, and this module only after the window's first paint: a start
that finds its file free never connects to anything.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_RAISE = b"raise\n"
_DONE = b"ok\n"
_WAIT_MS = 1500


def server_name(data_path: Path) -> str:
    """The socket's name for ``data_path``: the same for every spelling of the same file."""
    try:
        user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    key = f"{user}\0{Path(os.path.realpath(data_path))}".encode("utf-8", "surrogateescape")
    return "carepath-" + hashlib.sha256(key).hexdigest()[:24]


class InstanceServer(QObject):
    """Listens for a second CarePath on the same file and asks the window to come forward."""

    raise_requested = Signal()

    def __init__(self, data_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed CarePath is removed first (whoever calls
        this holds the file's lock, so no live CarePath can own that name)."""
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("cannot listen as %s: %s", self.name, self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            self.raise_requested.emit()
            socket.write(_DONE)
            socket.flush()
        socket.disconnectFromServer()


def hand_over(data_path: Path, wait_ms: int = _WAIT_MS) -> bool:
    """Ask the CarePath that has ``data_path`` open to come forward; True once it said so."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_path))
    if not socket.waitForConnected(wait_ms):
        return False
    socket.write(_RAISE)
    if not socket.waitForBytesWritten(wait_ms):
        return False
    answered = socket.waitForReadyRead(wait_ms) and bytes(socket.readAll().data()) == _DONE
    socket.disconnectFromServer()
    return answered
