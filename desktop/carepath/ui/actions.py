"""Every menu command of the main window as one row of data, and the menus built from the rows.

A row says what the command is called, where it sits, its shortcut, what it calls and when it
can be used; ``ActionTable`` turns the rows into QActions and menus, translates them again when
the language changes, enables them as the window's state changes, and lists the shortcuts for
Help ▸ Keyboard shortcuts, so that list can never drift from the menus.

Adding a command is one row here and a function in your own module (as ``ui/commands.py``
holds the window's own)::

    ActionSpec("ask_review", QT_TRANSLATE_NOOP("MainWindow", "Ask for a &review…"), "file",
               "carepath.ui.review_actions:ask_for_review", section=2,
               requires="carepath.ui.review_actions"),

The function is imported when the command is first used and is called with the main window
(``window.workspace`` is the open record). A handler can also be ``"window.method"`` or
``"workspace.method"``. Rows appear in their menu in table order, with a separator wherever the
``section`` number changes.

Nothing here touches the ``Qt`` namespace: building the menus happens before the window's
first paint, and creating that namespace's enums costs about 18 ms (see ``main_window``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from carepath.ui import lazy

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

#: When a command can be used (``ActionTable.update_enabled`` gets the set that holds now).
ALWAYS = "always"
FILE = "file"  # a data file (or the sample) is open
OWN_FILE = "own_file"  # the user's own file is on screen, not the sample
PAGES = "pages"  # a file is open and its pages are shown (not the welcome)

Shortcut = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    #: QT_TRANSLATE_NOOP(``context``, ...), with its mnemonic.
    text: str
    #: The key of a menu in ``MENUS``.
    menu: str
    #: "window.method", "workspace.method", or "module:function" (called with the window). Empty
    #: for an action the window makes itself (``provided``: Undo and Redo).
    handler: str = ""
    shortcuts: tuple[Shortcut, ...] = ()
    enabled_when: str = FILE
    section: int = 0
    #: "quit", "preferences" or "about": where macOS puts it.
    role: str = ""
    #: A module that must exist in this build, or the command stays greyed out.
    requires: str = ""
    #: An argument for the handler (the page key of View ▸ page commands).
    argument: str | None = None
    context: str = "MainWindow"
    #: Put before the translated text ("&1 " for the first page).
    prefix: str = ""


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)

_Key = QKeySequence.StandardKey

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new",
        QT_TRANSLATE_NOOP("MainWindow", "&New assessment"),
        "file",
        "carepath.ui.commands:new_assessment",
        (_Key.New,),
        PAGES,
    ),
    ActionSpec(
        "save",
        QT_TRANSLATE_NOOP("MainWindow", "&Save"),
        "file",
        "carepath.ui.commands:save_current",
        (_Key.Save,),
    ),
    ActionSpec(
        "open",
        QT_TRANSLATE_NOOP("MainWindow", "&Open data file…"),
        "file",
        "window.open_data_file",
        (_Key.Open,),
        OWN_FILE,
        section=1,
    ),
    ActionSpec(
        "import",
        QT_TRANSLATE_NOOP("MainWindow", "&Import backup…"),
        "file",
        "workspace.import_backup",
        enabled_when=OWN_FILE,
        section=1,
    ),
    ActionSpec(
        "export_backup",
        QT_TRANSLATE_NOOP("MainWindow", "Export &backup…"),
        "file",
        "workspace.export_backup",
        section=1,
    ),
    ActionSpec(
        "export_plan",
        QT_TRANSLATE_NOOP("MainWindow", "&Export plan…"),
        "file",
        "carepath.ui.commands:export_plan",
        ("Ctrl+E",),
        section=1,
        requires="carepath.ui.export_dialog",
    ),
    ActionSpec(
        "restore",
        QT_TRANSLATE_NOOP("MainWindow", "&Restore automatic backup…"),
        "file",
        "workspace.restore_automatic_backup",
        enabled_when=OWN_FILE,
        section=1,
    ),
    ActionSpec(
        "ask_review",
        QT_TRANSLATE_NOOP("MainWindow", "Ask for a re&view…"),
        "file",
        "carepath.ui.review_actions:ask_for_review",
        enabled_when=OWN_FILE,
        section=2,
    ),
    ActionSpec(
        "import_review",
        QT_TRANSLATE_NOOP("MainWindow", "Import a revie&w…"),
        "file",
        "carepath.ui.review_actions:import_a_review",
        enabled_when=OWN_FILE,
        section=2,
    ),
    ActionSpec(
        "open_review_request",
        QT_TRANSLATE_NOOP("MainWindow", "Open a review reques&t…"),
        "file",
        "carepath.ui.review_actions:open_review_request",
        enabled_when=ALWAYS,
        section=2,
    ),
    ActionSpec(
        "share",
        QT_TRANSLATE_NOOP("MainWindow", "S&hare with my manager…"),
        "file",
        "carepath.ui.team_actions:share_with_manager",
        enabled_when=OWN_FILE,
        section=3,
    ),
    ActionSpec(
        "team",
        QT_TRANSLATE_NOOP("MainWindow", "Tea&m view…"),
        "file",
        "carepath.ui.team_actions:show_team_view",
        section=3,
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        "file",
        "window.close",
        ("Ctrl+Q",),
        ALWAYS,
        section=9,
        role="quit",
    ),
    ActionSpec("undo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), "edit", shortcuts=("Ctrl+Z",)),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
        "edit",
        shortcuts=("Ctrl+Shift+Z", "Ctrl+Y"),
    ),
    ActionSpec(
        "preferences",
        QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"),
        "edit",
        "carepath.ui.commands:show_preferences",
        ("Ctrl+,",),
        section=1,
        role="preferences",
    ),
    ActionSpec(
        "levels",
        QT_TRANSLATE_NOOP("MainWindow", "The &level scale"),
        "help",
        "carepath.ui.commands:show_level_scale",
    ),
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
        "help",
        "carepath.ui.dialogs.shortcuts_dialog:show_shortcuts",
        (_Key.HelpContents,),
        ALWAYS,
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("MainWindow", "&About CarePath"),
        "help",
        "carepath.ui.commands:show_about",
        role="about",
    ),
)

#: Keys that work inside a page rather than through a menu, for the shortcuts list.
PAGE_KEYS: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("Page", "Assess"),
        QT_TRANSLATE_NOOP("MainWindow", "Rate the selected skill (0: not rated yet)"),
        "0–5",
    ),
)


def page_action_specs(pages: Iterable[tuple[str, str]]) -> list[ActionSpec]:
    """View ▸ one command per page ("&1 Overview", Ctrl+1, …) from (key, untranslated title)."""
    return [
        ActionSpec(
            f"page_{key}",
            title,
            "view",
            "window.show_page",
            (f"Ctrl+{number}",),
            PAGES,
            argument=key,
            context="Page",
            prefix=f"&{number} ",
        )
        for number, (key, title) in enumerate(pages, start=1)
    ]


def _sequence(shortcut: Shortcut) -> QKeySequence:
    return QKeySequence(shortcut)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic marker or trailing dots, for a list of commands."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


class ActionTable:
    """The QActions of ``specs`` on ``owner``, their menus, and their language and state."""

    def __init__(
        self,
        owner: QWidget,
        specs: Iterable[ActionSpec],
        provided: Mapping[str, Callable[[str], QAction]] | None = None,
    ) -> None:
        self._owner = owner
        self._specs = list(specs)
        self._provided = dict(provided or {})
        self._available = {s.id: not s.requires or lazy.available(s.requires) for s in self._specs}
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        for spec in self._specs:
            self.actions[spec.id] = self._make(spec)

    def spec(self, action_id: str) -> ActionSpec:
        return next(s for s in self._specs if s.id == action_id)

    def _text(self, spec: ActionSpec) -> str:
        return spec.prefix + QCoreApplication.translate(spec.context, spec.text)

    def _make(self, spec: ActionSpec) -> QAction:
        if not spec.handler:
            action = self._provided[spec.id](self._text(spec))
        else:
            action = QAction(self._text(spec), self._owner)
            action.triggered.connect(lambda _checked=False, s=spec: self.run(s))
        if spec.shortcuts:
            # Not setShortcut() nor QKeySequence(QKeySequence): both create Qt's enums.
            action.setShortcuts([_sequence(k) for k in spec.shortcuts])
        if spec.role:
            roles = {
                "quit": QAction.MenuRole.QuitRole,
                "preferences": QAction.MenuRole.PreferencesRole,
                "about": QAction.MenuRole.AboutRole,
            }
            action.setMenuRole(roles[spec.role])
        if not self._available[spec.id]:
            action.setEnabled(False)
            action.setToolTip(
                QCoreApplication.translate("MainWindow", "This is not available in this build")
            )
        return action

    def run(self, spec: ActionSpec) -> Any:
        """Call the row's handler (importing its module the first time)."""
        where, _, name = spec.handler.partition(".")
        if ":" in spec.handler:
            function = lazy.load(spec.handler)
            return None if function is None else function(self._owner)
        target = self._owner if where == "window" else getattr(self._owner, where)
        method = getattr(target, name)
        return method() if spec.argument is None else method(spec.argument)

    def build_menus(self, bar: QMenuBar) -> None:
        for menu_id, title in MENUS:
            menu = bar.addMenu(QCoreApplication.translate("MainWindow", title))
            self.menus[menu_id] = menu
            section: int | None = None
            for spec in self._specs:
                if spec.menu != menu_id:
                    continue
                if section is not None and spec.section != section:
                    menu.addSeparator()
                section = spec.section
                menu.addAction(self.actions[spec.id])

    def retranslate(self) -> None:
        """Every text again in the language now installed; provided actions are made anew."""
        for menu_id, title in MENUS:
            if menu_id in self.menus:
                self.menus[menu_id].setTitle(QCoreApplication.translate("MainWindow", title))
        for spec in self._specs:
            old = self.actions[spec.id]
            if spec.handler:
                old.setText(self._text(spec))
                continue
            new = self._make(spec)
            self.actions[spec.id] = new
            menu = self.menus.get(spec.menu)
            if menu is not None:
                menu.insertAction(old, new)
                menu.removeAction(old)
            old.deleteLater()

    def update_enabled(self, state: set[str]) -> None:
        """Enable each command whose ``enabled_when`` is in ``state`` (and that this build has)."""
        for spec in self._specs:
            if spec.handler:
                wanted = spec.enabled_when == ALWAYS or spec.enabled_when in state
                self.actions[spec.id].setEnabled(wanted and self._available[spec.id])

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) for every command with a shortcut, in menu order, translated."""
        menu_titles = dict(MENUS)
        rows = []
        for menu_id, _title in MENUS:
            for spec in self._specs:
                action = self.actions[spec.id]
                keys = action.shortcuts()
                if spec.menu != menu_id or not keys:
                    continue
                native = QKeySequence.SequenceFormat.NativeText
                rows.append(
                    (
                        plain_text(QCoreApplication.translate("MainWindow", menu_titles[menu_id])),
                        plain_text(self._text(spec)),
                        ", ".join(k.toString(native) for k in keys),
                    )
                )
        for page, what, keys in PAGE_KEYS:
            rows.append(
                (
                    QCoreApplication.translate("Page", page),
                    QCoreApplication.translate("MainWindow", what),
                    keys,
                )
            )
        return rows
