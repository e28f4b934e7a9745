"""A date that may be absent: a check box ("has a date") beside a field that types or picks one.

``QDateEdit`` edits a date section by section, which goes wrong when a person types a whole date
over the selected text: "1 Oct 2026" typed into "2 Dec 2026" gives 2 Oct 2026 (the "1" is refused,
the space jumps to the month). :class:`DateField` is a plain line edit instead, read as a whole
when typing ends (Enter or leaving the field), with a calendar button beside it. Month names
come from the current ``QLocale`` when the date is shown, so a Spanish interface shows "1 oct
2026" even when the language changed after the widget was built.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from carepath.ui.models import DATE_FORMAT, from_qdate, to_qdate

#: What a typed date may look like, besides the display format: the month spelled out, ISO,
#: and the Spanish "1 de octubre de 2026".
_TYPED_FORMATS = (DATE_FORMAT, "d MMMM yyyy", "d MMM. yyyy", "yyyy-MM-dd", "d 'de' MMMM 'de' yyyy")


def parse_typed_date(text: str, locale: QLocale | None = None) -> QDate:
    """The date ``text`` spells in ``locale`` (or English, or ISO); an invalid QDate if none.

    Month names match whatever their case; English is tried after the interface language, since
    "Oct" is how many people type a month whatever language the screen speaks.
    """
    cleaned = " ".join(text.replace(",", " ").split())
    if not cleaned:
        return QDate()
    locales = [locale or QLocale(), QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)]
    for candidate in locales:
        for form in (cleaned, cleaned.lower(), cleaned.title()):
            for fmt in _TYPED_FORMATS:
                parsed = candidate.toDate(form, fmt)
                if parsed.isValid():
                    return parsed
    return QDate()


class DateField(QWidget):
    """A date typed as text or picked from a calendar; empty means "no date".

    ``setDate`` / ``date`` / ``dateChanged`` follow ``QDateEdit``'s names so callers need not
    know the difference. ``dateChanged`` is emitted for every change, the program's included,
    as ``QDateEdit`` does; :class:`OptionalDate` decides which changes are the user's.
    """

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = QDate()
        self.line = QLineEdit(self)
        self.line.editingFinished.connect(self._commit_text)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the calendar is also on Alt+Down
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.installEventFilter(self)

    # -- QDateEdit's names ---------------------------------------------------------------------
    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, value: QDate) -> None:
        changed = value != self._date
        self._date = QDate(value)
        self._show()
        if changed:
            self.dateChanged.emit(QDate(self._date))

    def text(self) -> str:
        return self.line.text()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)
        self.button.setAccessibleName(name)
        self.button.setToolTip(name)

    def setPlaceholderText(self, text: str) -> None:
        self.line.setPlaceholderText(text)

    # -- internals -----------------------------------------------------------------------------
    def _show(self) -> None:
        text = QLocale().toString(self._date, DATE_FORMAT) if self._date.isValid() else ""
        if self.line.text() != text:
            self.line.setText(text)

    def _commit_text(self) -> None:
        """Read what was typed; text that is no date puts the last good date back."""
        text = self.line.text().strip()
        if not text:
            self.setDate(QDate())
            return
        parsed = parse_typed_date(text)
        if parsed.isValid():
            self.setDate(parsed)
        else:
            self._show()

    def _prepare_calendar(self) -> None:
        self.calendar.setLocale(QLocale())
        self.calendar.setSelectedDate(self._date if self._date.isValid() else QDate.currentDate())

    def _picked(self, value: QDate) -> None:
        self.menu.close()
        self.setDate(value)
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier  # type: ignore[attr-defined]
            if (key == Qt.Key.Key_Down and alt) or key == Qt.Key.Key_F4:
                self.button.showMenu()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LocaleChange:
            self._show()
        super().changeEvent(event)


class OptionalDate(QObject):
    """A check box ("has a date") and a :class:`DateField`, used as one value.

    Place ``check`` as the row's label and ``edit`` as its field. ``changed`` carries the new
    ``date`` or ``None`` and is emitted only for the user's own edits (typing is reported once,
    on Enter or on leaving the field, not at every keystroke). Ticking the box fills in
    ``default()``: the caller chooses it, so that a step's target date starts from its proposed
    date instead of today and the projected finish does not jump.
    """

    changed = Signal(object)

    def __init__(
        self,
        check_text: str,
        accessible_name: str,
        no_date_text: str,
        parent: QWidget,
        default: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._default = default
        self._quiet = False
        self.check = QCheckBox(check_text, parent)
        self.check.setAccessibleName(accessible_name)
        self.check.setAccessibleDescription(no_date_text)
        self.edit = DateField(parent)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(no_date_text)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self._on_date_changed)

    def set_default(self, default: Callable[[], date]) -> None:
        """Where ticking the box starts from (today unless the caller knows better)."""
        self._default = default

    def value(self) -> date | None:
        if not self.check.isChecked() or not self.edit.date().isValid():
            return None
        return from_qdate(self.edit.date())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` without emitting ``changed``."""
        self._quiet = True
        try:
            self.check.blockSignals(True)
            self.check.setChecked(value is not None)
            self.check.blockSignals(False)
            self.edit.setEnabled(value is not None)
            self.edit.setDate(to_qdate(value) if value is not None else QDate())
        finally:
            self._quiet = False

    def set_enabled(self, enabled: bool) -> None:
        self.check.setEnabled(enabled)
        self.edit.setEnabled(enabled and self.check.isChecked())

    def _on_toggled(self, on: bool) -> None:
        self._quiet = True
        try:
            self.edit.setEnabled(on)
            self.edit.setDate(to_qdate(self._default()) if on else QDate())
        finally:
            self._quiet = False
        if on:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.edit.line.selectAll()
        self.changed.emit(self.value())

    def _on_date_changed(self, _value: QDate) -> None:
        if not self._quiet and self.check.isChecked():
            self.changed.emit(self.value())
