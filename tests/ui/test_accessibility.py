"""Accessibility: names for every control, a keyboard path to everything, visible focus, unique
mnemonics, text that grows with the system font, and WCAG AA contrast in both themes.

The window is walked on the demo record with every page shown, in English and in Spanish (a
translation can lose a name or make two mnemonics collide), on the welcome page of an empty
record, and in every dialog. Names are read the way assistive technology reads them: through
``QAccessible`` (the widget's accessible name, a button's own text, or the label whose buddy it
is).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from carepath.charts.theme import DARK, LIGHT
from carepath.core.catalogue import load_catalogue
from carepath.core.storage import DataStore
from carepath.ui import i18n, theme
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.session import Session

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QPlainTextEdit,
    QTextEdit,
)
_Role = QAccessible.Role
INTERACTIVE_ROLES = {
    _Role.PushButton,
    _Role.CheckBox,
    _Role.RadioButton,
    _Role.ComboBox,
    _Role.EditableText,
    _Role.SpinBox,
    _Role.Slider,
    _Role.List,
    _Role.Table,
    _Role.ButtonMenu,
    _Role.ButtonDropDown,
    _Role.PageTab,
}
#: Each page's main controls (attribute paths on the page): Tab must reach every one.
MAIN_CONTROLS: dict[str, tuple[str, ...]] = {
    "overview": ("gaps_list", "strengths_list", "assess_button"),
    "assess": ("skill_list", "evidence_edit", "general_edit", "save_button"),
    "progress": ("skill_list", "all_button", "none_button", "gaps_button"),
    "steps": ("propose_button", "table", "status_combo", "start_date.check", "note_edit"),
    "plan": ("add_button", "edit_button", "delete_button", "suggest_button", "table"),
    "history": ("open_button", "delete_button", "table"),
}


@pytest.fixture(autouse=True)
def _english_light_afterwards(qapp) -> Iterator[None]:
    yield
    i18n.install("en", qapp)
    theme.apply_theme("system", qapp)


def _attr(page: object, path: str) -> QWidget:
    for part in path.split("."):
        page = getattr(page, part)
    assert isinstance(page, QWidget)
    return page


def _strip_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _buddy_names(root: QWidget) -> dict[int, str]:
    names = {}
    for label in [root, *root.findChildren(QLabel)]:
        if isinstance(label, QLabel) and label.buddy() is not None and label.text().strip():
            names[id(label.buddy())] = _strip_mnemonic(label.text())
    return names


def accessible_name(widget: QWidget, buddies: dict[int, str]) -> str:
    """What a screen reader announces as the control's name."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if id(widget) in buddies:
        return buddies[id(widget)]
    if isinstance(widget, QComboBox):
        return ""  # on Linux Qt reports the current text as the name: not a name at all
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def interactive_widgets(root: QWidget) -> list[QWidget]:
    window = root.window()
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar | QHeaderView):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox | QLineEdit):
            continue  # parts of a spin box, combo box or line edit (its clear button)
        if widget.isVisibleTo(window):
            found.append(widget)
    return found


def nameless(root: QWidget) -> list[str]:
    buddies = _buddy_names(root.window())
    return [
        f"{type(w).__name__} {w.objectName() or ''} in {type(w.parentWidget()).__name__}"
        for w in interactive_widgets(root)
        if not accessible_name(w, buddies)
    ]


def nameless_in_tree(interface: QAccessible.QAccessibleInterface | None, depth: int = 0) -> list:
    """Walk the accessibility tree itself: interactive roles must have a name or a label."""
    if interface is None or not interface.isValid() or depth > 40:
        return []
    found = []
    state = interface.state()
    if interface.role() in INTERACTIVE_ROLES and not state.invisible:
        name = interface.text(QAccessible.Text.Name).strip()
        labelled = interface.relations(QAccessible.RelationFlag.Label)
        if not name and not labelled:
            widget = interface.object()
            found.append(f"{interface.role().name} {type(widget).__name__}")
    if interface.role() in (_Role.Table, _Role.List, _Role.Tree):
        return found  # cells and items are named by their text
    for index in range(interface.childCount()):
        found += nameless_in_tree(interface.child(index), depth + 1)
    return found


@pytest.fixture
def spanish(qapp) -> Callable[[], None]:
    def install() -> None:
        i18n.install("es", qapp, strict=True)

    return install


def _window(make_window, demo_path, language: str):  # type: ignore[no-untyped-def]
    session = Session(DataStore.open(demo_path), load_catalogue(language))
    return make_window(session)


def _show(window, key: str) -> QWidget:  # type: ignore[no-untyped-def]
    window.show_page(key, ask=False)
    for _ in range(3):
        QApplication.processEvents()
    return window.pages[key]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_on_every_page_has_a_name(qapp, make_window, demo_path, language) -> None:
    i18n.install(language, qapp, strict=True)
    window = _window(make_window, demo_path, language)
    problems = nameless(window.nav) + nameless(window.banner)
    for key in window.pages:
        page = _show(window, key)
        problems += [f"{key}: {p}" for p in nameless(page)]
        for canvas in page.findChildren(ChartCanvas):
            canvas.show_table(True)  # the chart's table view, too
            problems += [f"{key} (table): {p}" for p in nameless(canvas)]
            canvas.show_table(False)
        problems += [
            f"{key} (tree): {p}"
            for p in nameless_in_tree(QAccessible.queryAccessibleInterface(page))
        ]
    assert not problems, "\n".join(problems)


def test_welcome_and_empty_overview_have_names(qapp, make_window, empty_session) -> None:
    window = make_window(empty_session)
    assert window.current_key() == "welcome"
    assert not nameless(window.welcome)
    overview = _show(window, "overview")
    assert not nameless(overview)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_in_every_dialog_has_a_name(qtbot, demo_session, language, qapp) -> None:
    from carepath.ui.dialogs.assessment_view_dialog import AssessmentViewDialog
    from carepath.ui.dialogs.goal_dialog import GoalDialog
    from carepath.ui.dialogs.level_scale import LevelScaleDialog
    from carepath.ui.dialogs.preferences_dialog import PreferencesDialog
    from carepath.ui.export_dialog import ExportDialog

    i18n.install(language, qapp, strict=True)
    catalogue = load_catalogue(language)
    demo_session.set_catalogue(catalogue)
    record = demo_session.record()
    dialogs: list[QDialog] = [
        GoalDialog(catalogue, record.goals[0]),
        LevelScaleDialog(catalogue),
        PreferencesDialog(demo_session),
        ExportDialog(demo_session),
        AssessmentViewDialog(catalogue, record.assessments[-1]),
    ]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{type(dialog).__name__}: {p}" for p in nameless(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)


def _tab_walk(window, start: QWidget, limit: int = 250) -> list[tuple[QWidget, QImage, QImage]]:  # type: ignore[no-untyped-def]
    """Press Tab from ``start`` until focus comes back; (widget, focused image, after image)."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    visited: list[tuple[QWidget, QImage, QImage]] = []
    current = QApplication.focusWidget()
    for _ in range(limit):
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is None or focused is start:
            break
        if not visited or visited[-1][0] is not focused:
            if visited:
                previous, image, _ = visited[-1]
                visited[-1] = (previous, image, previous.grab().toImage())
            visited.append((focused, focused.grab().toImage(), QImage()))
        current = focused
    if visited:
        last, image, _ = visited[-1]
        visited[-1] = (last, image, last.grab().toImage())
    return visited


def _owner(widget: QWidget, targets: list[QWidget]) -> QWidget | None:
    for target in targets:
        if widget is target or target.isAncestorOf(widget):
            return target
    return None


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_keyboard_reaches_every_page_and_focus_is_visible(
    qapp, make_window, demo_path, palette: str
) -> None:
    theme.apply_theme(palette, qapp)
    window = _window(make_window, demo_path, "en")
    window.activateWindow()
    QApplication.processEvents()
    unreachable, invisible = [], []
    for key, controls in MAIN_CONTROLS.items():
        page = _show(window, key)
        targets = [_attr(page, path) for path in controls]
        visited = _tab_walk(window, window.nav)
        assert visited and QApplication.focusWidget() is window.nav, f"Tab is trapped on {key}"
        reached = {id(_owner(w, targets)) for w, _, _ in visited}
        unreachable += [
            f"{key}.{p}"
            for p, t in zip(controls, targets, strict=True)
            if t.isEnabled() and id(t) not in reached
        ]
        for widget, focused, after in visited:
            if focused == after and not focused.isNull():
                invisible.append(f"{key}: {type(widget).__name__} {widget.accessibleName()!r}")
    assert not unreachable, f"Tab never reaches: {unreachable}"
    assert not invisible, "focus is not visible on:\n" + "\n".join(invisible)


def test_welcome_is_usable_from_the_keyboard(qapp, qtbot, make_window, empty_session) -> None:
    window = make_window(empty_session)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    welcome = window.welcome
    visited = [w for w, _, _ in _tab_walk(window, welcome.name_edit)]
    assert QApplication.focusWidget() is welcome.name_edit, "Tab is trapped on the welcome page"
    for control in (
        welcome.current_combo,
        welcome.target_combo,
        welcome.interval_spin,
        welcome.start_button,
        welcome.sample_button,
    ):
        assert any(control is w or control.isAncestorOf(w) for w in visited), control


def test_pages_switch_from_the_keyboard(qapp, qtbot, make_window, demo_path) -> None:
    window = _window(make_window, demo_path, "en")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    for number, key in enumerate(MAIN_CONTROLS, start=1):
        focused = QApplication.focusWidget() or window
        QTest.keyClick(focused, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key
    window.nav.setFocus()
    QTest.keyClick(window.nav, Qt.Key.Key_Up)
    assert window.current_key() == "plan"


def _mnemonic(text: str) -> str | None:
    cleaned = text.replace("&&", "")
    index = cleaned.find("&")
    return cleaned[index + 1].lower() if 0 <= index < len(cleaned) - 1 else None


def _mnemonics_in(root: QWidget) -> list[tuple[str, str]]:
    window = root.window()
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(window):
            continue
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        letter = _mnemonic(text)
        if letter is not None:
            found.append((letter, _strip_mnemonic(text)))
    return found


def _duplicates(found: list[tuple[str, str]]) -> list[str]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in found:
        by_letter.setdefault(letter, []).append(text)
    return [f"Alt+{k.upper()}: {v}" for k, v in by_letter.items() if len(v) > 1]


@pytest.mark.parametrize("language", ["en", "es"])
def test_mnemonics_are_unique_on_each_page_and_menu(
    qapp, make_window, demo_path, tmp_path, language
) -> None:
    i18n.install(language, qapp, strict=True)
    window = _window(make_window, demo_path, language)
    menus = [(_mnemonic(a.text()), a.text()) for a in window.menuBar().actions()]
    assert all(letter for letter, _ in menus), menus
    problems = _duplicates([(m, t) for m, t in menus if m])
    for menu in window.menuBar().findChildren(QMenu):
        entries = [(_mnemonic(a.text()), a.text()) for a in menu.actions() if a.text()]
        problems += [
            f"menu {menu.title()}: {d}" for d in _duplicates([(m, t) for m, t in entries if m])
        ]
    for key in window.pages:
        page = _show(window, key)
        found = _mnemonics_in(page) + [(m, t) for m, t in menus if m]
        problems += [f"{key}: {d}" for d in _duplicates(found)]
    welcome = make_window(Session(DataStore.open(tmp_path / "new.json")))
    problems += [f"welcome: {d}" for d in _duplicates(_mnemonics_in(welcome.welcome) + menus)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "es"])
def test_mnemonics_are_unique_in_each_dialog(qtbot, demo_session, language, qapp) -> None:
    from carepath.ui.dialogs.goal_dialog import GoalDialog
    from carepath.ui.dialogs.preferences_dialog import PreferencesDialog
    from carepath.ui.export_dialog import ExportDialog

    i18n.install(language, qapp, strict=True)
    catalogue = load_catalogue(language)
    demo_session.set_catalogue(catalogue)
    problems = []
    for dialog in (
        GoalDialog(catalogue),
        PreferencesDialog(demo_session),
        ExportDialog(demo_session),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{type(dialog).__name__}: {d}" for d in _duplicates(_mnemonics_in(dialog))]
        dialog.close()
    assert not problems, "\n".join(problems)


def _clipped(root: QWidget) -> list[str]:
    window = root.window()
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        text = widget.text()
        if not text or (isinstance(widget, QLabel) and widget.pixmap() is not None):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed_height = widget.heightForWidth(widget.width())
            needed_width = 0
        else:
            hint = widget.minimumSizeHint()
            needed_width, needed_height = hint.width(), hint.height()
        if widget.width() + 1 < needed_width or widget.height() + 1 < needed_height:
            found.append(
                f"{type(widget).__name__} {_strip_mnemonic(text)[:40]!r}: "
                f"{widget.width()}x{widget.height()} < {needed_width}x{needed_height}"
            )
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_text_follows_a_larger_system_font_without_clipping(
    qapp, make_window, demo_path, language
) -> None:
    original = QFont(qapp.font())
    larger = QFont(original)
    larger.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(larger)
    try:
        i18n.install(language, qapp, strict=True)
        window = _window(make_window, demo_path, language)
        assert window.nav.font().pointSizeF() >= larger.pointSizeF()
        problems = []
        for key in window.pages:
            page = _show(window, key)
            problems += [f"{key}: {p}" for p in _clipped(page)]
        problems += [
            f"nav: {window.nav.item(r).text()}"
            for r in range(window.nav.count())
            if window.nav.fontMetrics().horizontalAdvance(window.nav.item(r).text())
            > window.nav.viewport().width()
        ]
        assert not problems, "\n".join(problems)
    finally:
        qapp.setFont(original)


def _contrast(palette, fg, bg) -> float:  # type: ignore[no-untyped-def]
    return theme.contrast_ratio(palette.color(fg), palette.color(bg))


@pytest.mark.parametrize("name", ["light", "dark"])
def test_our_palettes_meet_wcag_aa(name: str) -> None:
    palette = theme.light_palette() if name == "light" else theme.dark_palette()
    for fg, bg in theme.TEXT_PAIRS:
        ratio = _contrast(palette, fg, bg)
        assert ratio >= 4.5, f"{name}: {fg.name} on {bg.name} is {ratio:.2f}:1"
    # The outline ClearIndicatorStyle draws around check boxes and radio buttons: 3:1 for the
    # boundary of a control, on the window and on the base (check boxes in lists and tables).
    role = QPalette.ColorRole
    for background in (role.Window, role.Base, role.AlternateBase):
        assert _contrast(palette, role.PlaceholderText, background) >= 3.0, background.name


@pytest.mark.parametrize("chart_theme", [LIGHT, DARK], ids=["light", "dark"])
def test_chart_text_meets_wcag_aa(chart_theme) -> None:  # type: ignore[no-untyped-def]
    background = QColor(chart_theme.background)
    for colour in (chart_theme.foreground, chart_theme.muted, chart_theme.alert):
        assert theme.contrast_ratio(QColor(colour), background) >= 4.5, colour


def test_sample_banner_and_chart_theme_follow_the_palette(qapp, make_window, demo_path) -> None:
    assert theme.contrast_ratio(QColor("#3B2F00"), QColor("#FFF4CE")) >= 4.5  # the banner
    window = _window(make_window, demo_path, "en")
    canvas = _show(window, "overview").findChild(ChartCanvas)
    assert canvas is not None
    theme.apply_theme("dark", qapp)
    QApplication.processEvents()
    assert canvas.theme() == DARK
    theme.apply_theme("light", qapp)
    QApplication.processEvents()
    assert canvas.theme() == LIGHT


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_chart_says_what_it_shows(qapp, qtbot, make_window, demo_path, language) -> None:
    """A screen reader gets one sentence of what each chart shows, not just its name."""
    i18n.install(language, qapp, strict=True)
    window = _window(make_window, demo_path, language)
    for key in ("overview", "assess", "progress"):
        page = _show(window, key)
        for chart in page.findChildren(ChartCanvas):
            qtbot.waitUntil(lambda c=chart: c.figure is not None, timeout=10_000)
            description = chart.accessibleDescription()
            assert description.endswith(".") and len(description) > 30, (key, description)
            assert any(ch.isdigit() for ch in description), (key, description)
    overview = window.pages["overview"].radar.accessibleDescription()
    assert "15" in overview
