"""Add or edit one goal: skill, title, actions, resources, due date, status.

The due date is an :class:`~carepath.ui.widgets.optional_date.OptionalDate`: a check box says
whether there is a date at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import Catalogue
from carepath.core.models import Goal, GoalStatus
from carepath.core.plan import WEEKS_PER_LEVEL
from carepath.ui.models import goal_status_name
from carepath.ui.widgets.optional_date import OptionalDate


class GoalDialog(QDialog):
    """Asks for a goal's fields; ``goal()`` returns the new or edited Goal after ``accept``.

    The title is the one required field: pressing Save without it keeps the dialog open, says so
    under the field and puts the cursor there.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        goal: Goal | None = None,
        parent: QWidget | None = None,
        *,
        default_skill: str | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._original = goal
        self.setWindowTitle(self.tr("Edit goal") if goal else self.tr("Add goal"))
        self.setMinimumWidth(520)

        self.skill_combo = QComboBox(self)
        for skill in catalogue.skills:
            self.skill_combo.addItem(skill.name, skill.id)
        self.skill_combo.setAccessibleName(self.tr("Skill"))

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("What you want to be able to do"))
        self.title_edit.setAccessibleName(self.tr("Goal (required)"))
        self.title_edit.setMaxLength(200)
        self.title_edit.textChanged.connect(self._on_title_changed)

        self.error_label = QLabel(
            self.tr("⚠ A goal needs a title: say in a few words what you want to achieve."), self
        )
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Error"))
        self.error_label.setVisible(False)

        self.actions_edit = QPlainTextEdit(self)
        self.actions_edit.setTabChangesFocus(True)
        self.actions_edit.setPlaceholderText(self.tr("How: the steps you will take, one a line"))
        self.actions_edit.setAccessibleName(self.tr("Actions"))

        self.resources_edit = QPlainTextEdit(self)
        self.resources_edit.setTabChangesFocus(True)
        self.resources_edit.setPlaceholderText(self.tr("People, courses, books that will help"))
        self.resources_edit.setAccessibleName(self.tr("Resources"))
        self.resources_edit.setMaximumHeight(
            self.resources_edit.fontMetrics().lineSpacing() * 4 + 12
        )

        # Ticking "due date" proposes the horizon the suggestions use for one level's climb.
        self.due = OptionalDate(
            self.tr("D&ue date"),
            self.tr("Due date"),
            self.tr("No due date"),
            self,
            default=lambda: today() + timedelta(weeks=WEEKS_PER_LEVEL),
        )

        self.status_combo = QComboBox(self)
        for status in GoalStatus:
            self.status_combo.addItem(goal_status_name(status), status.value)
        self.status_combo.setAccessibleName(self.tr("Status"))

        form = QFormLayout()
        form.addRow(self._label(self.tr("S&kill:"), self.skill_combo), self.skill_combo)
        form.addRow(self._label(self.tr("&Goal (required):"), self.title_edit), self.title_edit)
        form.addRow("", self.error_label)
        form.addRow(self._label(self.tr("&Actions:"), self.actions_edit), self.actions_edit)
        form.addRow(self._label(self.tr("&Resources:"), self.resources_edit), self.resources_edit)
        form.addRow(self.due.check, self.due.edit)
        form.addRow(self._label(self.tr("S&tatus:"), self.status_combo), self.status_combo)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._fill(goal, default_skill)
        self.title_edit.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _fill(self, goal: Goal | None, default_skill: str | None) -> None:
        skill = goal.skill if goal else default_skill
        if skill is not None:
            index = self.skill_combo.findData(skill)
            if index >= 0:
                self.skill_combo.setCurrentIndex(index)
        if goal is None:
            self.due.set_value(None)
            return
        self.title_edit.setText(goal.title)
        self.actions_edit.setPlainText(goal.actions)
        self.resources_edit.setPlainText(goal.resources)
        self.due.set_value(goal.due_date)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(goal.status.value)))

    def _on_title_changed(self, text: str) -> None:
        if text.strip():
            self.error_label.setVisible(False)

    # -- result ---------------------------------------------------------------------------------
    def is_valid(self) -> bool:
        return bool(self.title_edit.text().strip())

    def accept(self) -> None:
        if not self.is_valid():
            self.error_label.setVisible(True)
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def goal(self) -> Goal:
        """The goal as the fields describe it (a new id when adding, the same id when editing)."""
        fields = {
            "skill": str(self.skill_combo.currentData()),
            "title": self.title_edit.text().strip(),
            "actions": self.actions_edit.toPlainText().strip(),
            "resources": self.resources_edit.toPlainText().strip(),
            "due_date": self.due.value(),
            "status": GoalStatus(self.status_combo.currentData()),
        }
        if self._original is None:
            skill = fields.pop("skill")
            title = fields.pop("title")
            return Goal.create(skill=str(skill), title=str(title), **fields)
        return self._original.with_changes(**fields)
