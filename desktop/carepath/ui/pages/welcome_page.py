"""First run: a name, where the user stands and where they want to go — or a look at sample data.

Shown instead of the other pages while the profile is not set up and nothing has been rated. It is
deliberately short: four fields, then straight into the first assessment, because rating oneself
is what the app is for.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carepath.core.errors import SaveError
from carepath.core.models import DEFAULT_REASSESS_DAYS, Profile, now
from carepath.ui.pages.base import Page
from carepath.ui.session import Session


class WelcomePage(Page):
    """Collects the profile; ``started`` after it is saved, ``sample_requested`` for the demo."""

    title = QT_TRANSLATE_NOOP("Page", "Welcome")
    started = Signal()
    sample_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        heading, intro = self._build_intro()
        form = self._build_form()
        buttons = self._build_buttons()

        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(14)
        inner.addWidget(heading)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusProxy(self.name_edit)

    def _build_intro(self) -> tuple[QLabel, QLabel]:
        """The greeting in large type and one sentence on what the app does."""
        heading = QLabel(self.tr("Welcome to CarePath"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Rate yourself on the fifteen skills of a care coordinator, see the gap to the "
                "career stage you are aiming for, and plan how to close it. Everything stays on "
                "this computer."
            ),
            self,
        )
        intro.setWordWrap(True)
        return heading, intro

    def _build_form(self) -> QFormLayout:
        """Name, current stage, target stage (kept ahead of the current one) and the interval."""
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Optional; shown on your plan"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setMaxLength(120)

        self.current_combo = QComboBox(self)
        self.current_combo.setAccessibleName(self.tr("Your current stage"))
        self.target_combo = QComboBox(self)
        self.target_combo.setAccessibleName(self.tr("Your target stage"))
        for stage in self.session.catalogue.stages:
            text = f"{stage.name} ({stage.salary_band})"
            self.current_combo.addItem(text, stage.id)
            self.target_combo.addItem(text, stage.id)
        for combo in (self.current_combo, self.target_combo):
            combo.setToolTip(self.session.catalogue.us_note)  # the bands are US figures
        self.current_combo.setCurrentIndex(0)
        self.target_combo.setCurrentIndex(1)
        self.current_combo.currentIndexChanged.connect(self._keep_target_ahead)

        self.interval_spin = QSpinBox(self)
        self.interval_spin.setRange(7, 365)
        self.interval_spin.setValue(DEFAULT_REASSESS_DAYS)
        self.interval_spin.setSuffix(self.tr(" days"))
        self.interval_spin.setAccessibleName(self.tr("Days between self-assessments"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field in (
            (self.tr("Your &name:"), self.name_edit),
            (self.tr("&Current stage:"), self.current_combo),
            (self.tr("&Target stage:"), self.target_combo),
            (self.tr("&Reassess every:"), self.interval_spin),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        """Start (the default) and the sample-data way in beside it."""
        self.start_button = QPushButton(self.tr("&Start my first assessment"), self)
        self.start_button.setAccessibleName(self.tr("Save and start my first assessment"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.sample_button = QPushButton(self.tr("Try with sa&mple data"), self)
        self.sample_button.setAccessibleName(self.tr("Try CarePath with sample data"))
        self.sample_button.setToolTip(
            self.tr("Opens a year of made-up history in a separate file; your record is untouched")
        )
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        return buttons

    def refresh(self) -> None:
        profile = self.session.record().profile
        if profile.name and not self.name_edit.text():
            self.name_edit.setText(profile.name)

    def _keep_target_ahead(self, index: int) -> None:
        """A target behind the current stage makes no sense: move it one stage ahead."""
        if self.target_combo.currentIndex() <= index:
            self.target_combo.setCurrentIndex(min(index + 1, self.target_combo.count() - 1))

    def profile(self) -> Profile:
        return Profile(
            name=self.name_edit.text().strip(),
            current_stage=str(self.current_combo.currentData()),
            target_stage=str(self.target_combo.currentData()),
            reassess_interval_days=self.interval_spin.value(),
            created_at=now().isoformat(),
        )

    def start(self) -> None:
        try:
            self.session.set_profile(self.profile())
        except SaveError as error:
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return
        self.started.emit()
