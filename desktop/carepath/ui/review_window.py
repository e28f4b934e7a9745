"""File ▸ Open a review request…: a reviewer who has CarePath rates someone else here.

The request comes from the HTML form a colleague sent (``export.review_form.read_request`` reads
the JSON embedded in it, nothing else). The page works like Assess, with the asker's skills in
the form's language, and saves the very answer file the browser form would save; the reviewer's
own record is never opened or touched.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import SKILL_IDS, load_catalogue
from carepath.core.errors import CarePathError
from carepath.core.models import LEVEL_MAX, LEVEL_MIN, new_id, now
from carepath.core.review import MAX_COMMENT, MAX_NAME, NOT_OBSERVED, RELATIONSHIPS
from carepath.core.review_response import response_document
from carepath.export.review_form import RequestData
from carepath.ui.pages.assess_page import _OPTION_STYLE, LevelOption
from carepath.ui.review_widgets import relationship_name

_SKIPPED = 0
_NOT_OBSERVED = 6


class ReviewerDialog(QDialog):
    """Rate the fifteen skills of the person who sent ``request``; save the answer file."""

    def __init__(self, request: RequestData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.catalogue = load_catalogue(request.language)
        self.ratings: dict[str, int | str] = {}
        self.comments: dict[str, str] = {}
        self._response_id = new_id()
        self._loading = False
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Review of %1").replace("%1", request.asker))
        self.setStyleSheet(_OPTION_STYLE)  # the chosen level framed, as on Assess

        heading, message = self._build_heading()
        who = self._build_who()
        self.skill_list = QListWidget(self)
        self.skill_list.setAccessibleName(self.tr("Skills"))
        for skill in self.catalogue.skills:
            self.skill_list.addItem(skill.name)
        self.skill_list.currentRowChanged.connect(self._show_skill)
        detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.skill_list)
        splitter.addWidget(detail)
        splitter.setSizes([220, 520])
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(message)
        layout.addLayout(who)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(860, 680)
        for skill_id in SKILL_IDS:
            self._update_item(skill_id)
        self.skill_list.setCurrentRow(0)
        self._update_summary()

    def _build_heading(self) -> tuple[QLabel, QLabel]:
        """The question in large bold type, then the asker's own message, both as plain text."""
        heading = QLabel(
            self.tr("How do you see %1's skills?").replace("%1", self.request.asker), self
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        message = QLabel(self.request.message, self)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        return heading, message

    def _build_who(self) -> QFormLayout:
        """The reviewer's name and how they know the asker, which go into the answer file."""
        self.name_edit = QLineEdit(self.request.reviewer, self)
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.relationship_box = QComboBox(self)
        self.relationship_box.setAccessibleName(self.tr("How you know them"))
        for relationship in RELATIONSHIPS:
            self.relationship_box.addItem(relationship_name(relationship), relationship)
        who = QFormLayout()
        who.addRow(self.tr("Your &name:"), self.name_edit)
        who.addRow(self.tr("&How you know them:"), self.relationship_box)
        return who

    def _build_detail(self) -> QScrollArea:
        """The chosen skill: its name and description, the level choice and the comment."""
        detail = QWidget(self)
        self.skill_name = QLabel(detail)
        self.skill_name.setWordWrap(True)
        bold = self.skill_name.font()
        bold.setBold(True)
        self.skill_name.setFont(bold)
        self.skill_description = QLabel(detail)
        self.skill_description.setWordWrap(True)
        levels = self._build_levels(detail)
        comment_label = QLabel(self.tr("Your &comment on this skill (optional):"), detail)
        self.comment_edit = QPlainTextEdit(detail)
        self.comment_edit.setAccessibleName(self.tr("Your comment on this skill"))
        self.comment_edit.setTabChangesFocus(True)
        comment_label.setBuddy(self.comment_edit)
        self.comment_edit.textChanged.connect(self._on_comment)
        detail_layout = QVBoxLayout(detail)
        for widget in (self.skill_name, self.skill_description, levels, comment_label):
            detail_layout.addWidget(widget)
        detail_layout.addWidget(self.comment_edit)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        return scroll

    def _build_levels(self, parent: QWidget) -> QGroupBox:
        """The five levels as on Assess, plus "Not observed" and "Not answered", in one group."""
        levels = QGroupBox(self.tr("Their level"), parent)
        self.level_group = QButtonGroup(self)
        self.options: dict[int, LevelOption] = {}
        levels_layout = QVBoxLayout(levels)
        for level in range(LEVEL_MIN, LEVEL_MAX + 1):
            option = LevelOption(level, levels)
            self.options[level] = option
            self.level_group.addButton(option.radio, level)
            levels_layout.addWidget(option)
        self.not_observed = QRadioButton(self.tr("Not observed"), levels)
        self.skipped = QRadioButton(self.tr("Not answered"), levels)
        self.level_group.addButton(self.not_observed, _NOT_OBSERVED)
        self.level_group.addButton(self.skipped, _SKIPPED)
        levels_layout.addWidget(self.not_observed)
        levels_layout.addWidget(self.skipped)
        self.level_group.idClicked.connect(self._on_level)
        return levels

    def _build_buttons(self) -> QHBoxLayout:
        """The answered count beside Save and Close."""
        self.summary = QLabel(self)
        self.save_button = QPushButton(self.tr("&Save my answers…"), self)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        return buttons

    def current_skill(self) -> str:
        return SKILL_IDS[max(0, self.skill_list.currentRow())]

    def _show_skill(self, row: int) -> None:
        if row < 0:
            return
        skill_id = SKILL_IDS[row]
        skill = self.catalogue.skill(skill_id)
        self._loading = True
        try:
            self.skill_name.setText(skill.name)
            self.skill_description.setText(skill.description)
            for level, option in self.options.items():
                name = self.catalogue.level(level).name
                option.radio.setText(f"&{level}  {name}")
                option.radio.setAccessibleName(f"{level} {name}")
                option.descriptor.setText(skill.descriptor(level))
                option.radio.setAccessibleDescription(skill.descriptor(level))
            chosen = self.ratings.get(skill_id)
            button_id = _NOT_OBSERVED if chosen == NOT_OBSERVED else chosen if chosen else _SKIPPED
            self.level_group.button(int(button_id)).setChecked(True)
            for value, option in self.options.items():
                option.set_chosen(value == chosen)
            self.comment_edit.setPlainText(self.comments.get(skill_id, ""))
        finally:
            self._loading = False

    def set_level(self, level: int | str | None, skill_id: str | None = None) -> None:
        """Choose a level (1-5), ``not_observed`` or None (not answered) for a skill."""
        skill_id = skill_id or self.current_skill()
        if level is None:
            self.ratings.pop(skill_id, None)
        else:
            self.ratings[skill_id] = level
        if skill_id == self.current_skill():
            self._show_skill(self.skill_list.currentRow())
        self._update_item(skill_id)
        self._update_summary()

    def _on_level(self, button_id: int) -> None:
        if self._loading:
            return
        level: int | str | None = NOT_OBSERVED if button_id == _NOT_OBSERVED else button_id or None
        self.set_level(level)

    def _on_comment(self) -> None:
        if self._loading:
            return
        text = self.comment_edit.toPlainText()[:MAX_COMMENT]
        if text.strip():
            self.comments[self.current_skill()] = text
        else:
            self.comments.pop(self.current_skill(), None)

    def _update_item(self, skill_id: str) -> None:
        """The skill's row in the list: its name, and the answer given so far."""
        chosen = self.ratings.get(skill_id)
        if chosen == NOT_OBSERVED:
            answer = self.tr("Not observed")
        elif isinstance(chosen, int):
            answer = f"{chosen} · {self.catalogue.level(chosen).name}"
        else:
            answer = self.tr("Not answered")
        item = self.skill_list.item(SKILL_IDS.index(skill_id))
        item.setText(f"{self.catalogue.skill(skill_id).name}\n    {answer}")

    def _update_summary(self) -> None:
        self.summary.setText(
            self.tr("%1 of %2 skills answered")
            .replace("%1", str(len(self.ratings)))
            .replace("%2", str(len(SKILL_IDS)))
        )

    def answer(self) -> dict[str, object]:
        """The answer file's content, exactly as the browser form would write it."""
        return response_document(
            request_id=self.request.request_id,
            response_id=self._response_id,
            saved_at=now().replace(microsecond=0).isoformat(),
            asker=self.request.asker,
            reviewer=self.name_edit.text().strip(),
            relationship=str(self.relationship_box.currentData()),
            ratings=dict(self.ratings),
            comments=dict(self.comments),
        )

    def default_file_name(self) -> str:
        return f"{self.request.file_stem}-{date.today().isoformat()}.json"

    def save(self, path: Path | None = None) -> bool:
        """Ask where (unless ``path`` is given) and write the answer file; True when written."""
        from carepath.core.atomic import write_atomic

        if not self.name_edit.text().strip():
            QMessageBox.information(
                self, self.tr("Your name"), self.tr("Please write your name before saving.")
            )
            self.name_edit.setFocus()
            return False
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save my answers"),
                str(Path.home() / self.default_file_name()),
                self.tr("Review answers (*.json)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        payload = json.dumps(self.answer(), ensure_ascii=False, indent=1).encode("utf-8")
        try:
            write_atomic(path, payload)
        except (OSError, CarePathError) as error:
            QMessageBox.warning(self, self.tr("Answers not saved"), str(error))
            return False
        self.saved_path = path
        QMessageBox.information(
            self,
            self.tr("Answers saved"),
            self.tr("Saved as %1. Send this file back to %2.")
            .replace("%1", path.name)
            .replace("%2", self.request.asker),
        )
        return True
