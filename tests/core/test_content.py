"""The content files: shape, order, the career guide's facts, the Spanish overlay and the schema."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import jsonschema
import pytest

from carepath.core import catalogue as catalogue_module
from carepath.core.catalogue import (
    CONTENT_FILES,
    SKILL_IDS,
    STAGE_IDS,
    STEP_IDS,
    ContentError,
    load_catalogue,
    load_raw,
)
from carepath.core.resources import resource_path

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = REPO_ROOT.parent / "shared" / "seed"
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")
ENTRY_KEYS = {
    "skills": "skill",
    "levels": "level",
    "steps": "step",
    "ladder": "step",
    "stages": "stage",
}
# The text fields each kind of entry carries; a translation must supply every one that is present.
TEXT_FIELDS = {
    "skills": ("name", "description", "descriptors", "examples", "actions"),
    "levels": ("name", "meaning"),
    "steps": ("title", "summary", "duration_text", "checklist"),
    "ladder": ("title", "summary", "duration_text", "checklist"),
    "stages": ("name", "summary", "experience"),
}


@pytest.fixture(scope="module")
def en():
    return load_catalogue("en")


@pytest.fixture(scope="module")
def es():
    return load_catalogue("es")


# --- skills -------------------------------------------------------------------------------------


def test_fifteen_skills_in_order_with_five_descriptors(en):
    assert tuple(s.id for s in en.skills) == SKILL_IDS
    for skill in en.skills:
        assert len(skill.descriptors) == 5, skill.id
        assert skill.name.strip() and skill.description.strip()
        assert skill.descriptor(1) == skill.descriptors[0]
        assert skill.descriptor(5) == skill.descriptors[4]


def test_descriptors_are_distinct_and_substantial(en):
    descriptors = [d for skill in en.skills for d in skill.descriptors]
    assert len(descriptors) == 75
    assert len(set(descriptors)) == 75
    assert len({d.lower().rstrip(".") for d in descriptors}) == 75
    for skill in en.skills:
        for level, text in enumerate(skill.descriptors, start=1):
            assert len(text) >= 60, f"{skill.id} level {level} is too short: {text!r}"
            assert text.endswith("."), f"{skill.id} level {level} should be a full sentence"


def test_descriptions_are_two_or_three_sentences(en):
    for skill in en.skills:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", skill.description) if s]
        assert 2 <= len(sentences) <= 3, skill.id


def test_two_to_four_distinct_actions(en):
    for skill in en.skills:
        assert 2 <= len(skill.actions) <= 4, skill.id
        assert len(set(skill.actions)) == len(skill.actions), skill.id
        assert all(len(a) >= 30 for a in skill.actions), skill.id


# --- levels -------------------------------------------------------------------------------------


def test_levels_follow_benner(en):
    assert [lv.value for lv in en.levels] == [1, 2, 3, 4, 5]
    assert [lv.name for lv in en.levels] == [
        "Novice",
        "Advanced beginner",
        "Competent",
        "Proficient",
        "Expert",
    ]
    assert en.level(3).name == "Competent"
    assert all(len(lv.meaning) >= 40 for lv in en.levels)


def test_level_ids_are_unique_for_the_overlay():
    ids = [entry["id"] for entry in load_raw("levels")["level"]]
    assert ids == ["novice", "advanced_beginner", "competent", "proficient", "expert"]


# --- steps --------------------------------------------------------------------------------------


def test_ten_steps_in_order(en):
    assert tuple(s.id for s in en.steps) == STEP_IDS
    assert [s.number for s in en.steps] == list(range(1, 11))
    for step in en.steps:
        assert step.title.strip() and len(step.summary) >= 80, step.id
        assert 1 <= len(step.skills) <= 5, step.id
        assert set(step.skills) <= set(SKILL_IDS), step.id
        assert len(set(step.skills)) == len(step.skills), step.id


def test_every_skill_is_built_by_some_step(en):
    built = {skill for step in en.steps for skill in step.skills}
    # crisis management is learned on the job rather than in a step of its own
    assert set(SKILL_IDS) - built <= {"crisis_management"}


def test_durations_are_believable(en):
    weeks = {s.id: s.duration_weeks for s in en.steps}
    for step in en.steps:
        if step.duration_weeks is not None:
            assert isinstance(step.duration_weeks, int) and step.duration_weeks > 0, step.id
            assert step.duration_text, f"{step.id} has weeks but no text"
    assert weeks["education"] is not None and weeks["experience"] is not None
    assert 52 <= weeks["experience"] <= 104  # the guide: one to two years
    assert weeks["education"] >= weeks["experience"]
    assert weeks["understand_role"] is not None and weeks["understand_role"] <= 12


def test_checklist_ids_are_snake_case_and_unique(en):
    for step in en.steps:
        ids = [item.id for item in step.checklist]
        assert len(set(ids)) == len(ids), step.id
        for item in step.checklist:
            assert SNAKE_CASE.match(item.id), item.id
            assert item.text.strip()


def _checklist_text(step) -> str:
    return " ".join(item.text for item in step.checklist).lower()


def test_certification_checklist_names_the_guide_certifications(en):
    step = en.step("certification")
    ids = {item.id for item in step.checklist}
    assert {"ccm", "geriatric_case_management", "mental_health_case_management"} <= ids
    text = _checklist_text(step)
    assert "certified case manager" in text and "ccm" in text
    assert "geriatric" in text
    assert "mental health" in text


def test_education_checklist_covers_degree_and_licence(en):
    text = _checklist_text(en.step("education"))
    for word in ("nursing", "social work", "health administration", "nclex", "rn", "lpn"):
        assert word in text, word


def test_apply_checklist_covers_the_application(en):
    ids = {item.id for item in en.step("apply").checklist}
    assert {"tailored_resume", "cover_letter", "mock_interview"} <= ids


# --- stages -------------------------------------------------------------------------------------


def test_five_stages_with_all_targets(en):
    assert tuple(s.id for s in en.stages) == STAGE_IDS
    for stage in en.stages:
        assert set(stage.targets) == set(SKILL_IDS), stage.id
        assert all(1 <= v <= 5 for v in stage.targets.values()), stage.id


def test_targets_never_decrease_from_entry_to_director(en):
    for skill in SKILL_IDS:
        levels = [stage.targets[skill] for stage in en.stages]
        assert levels == sorted(levels), f"{skill}: {levels}"


def test_targets_have_the_intended_shape(en):
    def mean(stage_id: str) -> float:
        values = en.stage(stage_id).targets.values()
        return sum(values) / len(values)

    means = [mean(s) for s in STAGE_IDS]
    assert means == sorted(means) and len(set(means)) == 5
    assert round(mean("entry")) == 2 and round(mean("coordinator")) == 3
    assert round(mean("manager")) == 4 and mean("director") >= 4.3
    # leadership and negotiation climb fastest once people lead others
    for fast in ("leadership", "negotiation"):
        assert en.stage("manager").targets[fast] == 5
    for plateau in ("medical_terminology", "computer_skills"):
        assert en.stage("director").targets[plateau] == en.stage("coordinator").targets[plateau]


def test_salary_bands_match_the_guide(en):
    bands = {
        s.id: (s.salary_min, s.salary_max, s.salary_open_ended, s.experience) for s in en.stages
    }
    assert bands == {
        "entry": (30_000, 40_000, False, "0–2 years"),
        "coordinator": (40_000, 60_000, False, "2–5 years"),
        "senior": (60_000, 80_000, False, "5+ years"),
        "manager": (80_000, 100_000, True, bands["manager"][3]),
        "director": (100_000, 150_000, True, bands["director"][3]),
    }
    assert en.stage("director").salary_band == "$100,000 – $150,000+ a year"
    assert en.stage("entry").salary_band == "$30,000 – $40,000 a year"


# --- Spanish overlay ----------------------------------------------------------------------------


def test_spanish_keeps_ids_numbers_and_targets(en, es):
    assert es.language == "es"
    assert [s.id for s in es.skills] == [s.id for s in en.skills]
    assert [(s.id, s.skills, s.duration_weeks) for s in es.steps] == [
        (s.id, s.skills, s.duration_weeks) for s in en.steps
    ]
    assert [(s.id, s.salary_min, s.salary_max, s.salary_open_ended) for s in es.stages] == [
        (s.id, s.salary_min, s.salary_max, s.salary_open_ended) for s in en.stages
    ]
    assert [dict(s.targets) for s in es.stages] == [dict(s.targets) for s in en.stages]
    assert [[i.id for i in s.checklist] for s in es.steps] == [
        [i.id for i in s.checklist] for s in en.steps
    ]


def test_spanish_differs_from_english_in_every_text(en, es):
    for a, b in zip(en.skills, es.skills, strict=True):
        assert a.name != b.name and a.description != b.description, a.id
        assert len(b.descriptors) == 5 and len(b.actions) == len(a.actions), a.id
        for x, y in zip(a.descriptors + a.actions, b.descriptors + b.actions, strict=True):
            assert x != y, a.id
    for a, b in zip(en.levels, es.levels, strict=True):
        assert a.name != b.name and a.meaning != b.meaning, a.value
    for a, b in zip(en.steps, es.steps, strict=True):
        assert a.title != b.title and a.summary != b.summary, a.id
        assert a.duration_text != b.duration_text or not a.duration_text, a.id
        for x, y in zip(a.checklist, b.checklist, strict=True):
            assert x.text != y.text, x.id
    for a, b in zip(en.stages, es.stages, strict=True):
        assert a.name != b.name and a.summary != b.summary and a.experience != b.experience


def test_spanish_level_names_are_benners(es):
    assert [lv.name for lv in es.levels] == [
        "Principiante",
        "Principiante avanzado",
        "Competente",
        "Eficiente",
        "Experto",
    ]


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_every_english_entry_has_a_complete_spanish_form(name):
    key = ENTRY_KEYS[name]
    english = load_raw(name)[key]
    spanish = load_raw(name, "es")[key]
    spanish_by_id = {entry["id"]: entry for entry in spanish}
    assert [e["id"] for e in spanish] == [e["id"] for e in english], "same ids, same order"
    for entry in english:
        translated = spanish_by_id[entry["id"]]
        for field in TEXT_FIELDS[name]:
            assert (field in entry) == (field in translated), f"{entry['id']}.{field}"
        if "descriptors" in entry:
            assert len(translated["descriptors"]) == 5
        if "actions" in entry:
            assert len(translated["actions"]) == len(entry["actions"])
        if "checklist" in entry:
            assert [i["id"] for i in translated["checklist"]] == [
                i["id"] for i in entry["checklist"]
            ]
        # an overlay holds text only: numbers, skills and targets always come from English
        assert set(translated) <= {"id", *TEXT_FIELDS[name]}, entry["id"]


# --- schema -------------------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12():
    schema = catalogue_module._schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"skills", "levels", "steps", "stages", "translation"} <= set(schema["$defs"])


@pytest.fixture()
def content_copy(tmp_path, monkeypatch):
    """A scratch copy of resources/ that load_raw reads instead of the real one."""
    shutil.copytree(resource_path("content"), tmp_path / "content")
    shutil.copytree(resource_path("schema"), tmp_path / "schema")
    monkeypatch.setattr(catalogue_module, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    return tmp_path / "content"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_copy_of_content_loads(content_copy):
    for name in CONTENT_FILES:
        assert load_raw(name, validate=True)
        assert load_raw(name, "es", validate=True)


def test_schema_rejects_four_descriptors(content_copy):
    path = content_copy / "skills.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    dropped = data["skill"][0]["descriptors"][4]
    _replace(path, f'    "{dropped}",\n', "")
    with pytest.raises(ContentError, match="skills"):
        load_raw("skills", validate=True)


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("stages", "decision_making = 2\n", ""),  # a missing target
        ("stages", "leadership = 1\n", "leadership = 6\n"),  # out of range
        ("stages", "salary_min = 30000", 'salary_min = "30000"'),  # not an integer
        ("levels", "value = 3", "value = 0"),
        ("steps", "duration_weeks = 4\n", "duration_weeks = 4\nhours = 3\n"),  # unknown field
        ("steps", '"problem_solving", "decision_making"]', '"juggling"]'),  # unknown skill
    ],
)
def test_schema_rejects_broken_english_files(content_copy, name, old, new):
    _replace(content_copy / f"{name}.toml", old, new)
    with pytest.raises(ContentError):
        load_raw(name, validate=True)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('id = "communication"', "id = 7"),  # an id must be a string
        ('id = "communication"', 'id = "communication"\nsalary_min = 1'),  # not a text field
        ('name = "Comunicación"', 'name = ""'),  # empty text
    ],
)
def test_schema_rejects_broken_translations(content_copy, old, new):
    _replace(content_copy / "es" / "skills.toml", old, new)
    with pytest.raises(ContentError):
        load_raw("skills", "es", validate=True)


# --- our own words --------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("’", "'"))


def _runs(words: list[str], size: int = 8) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _english_texts(en) -> list[str]:
    texts = [lv.meaning for lv in en.levels]
    for skill in en.skills:
        texts += [skill.description, *skill.descriptors, *skill.examples, *skill.actions]
    for step in en.steps + en.ladder_steps:
        texts += [step.summary, *(item.text for item in step.checklist)]
    texts += [stage.summary for stage in en.stages]
    texts.append(en.us_note)
    return texts


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the career guide is not next to this checkout")
def test_no_eight_word_run_is_copied_from_the_guide(en):
    seed_runs: set[tuple[str, ...]] = set()
    for path in sorted(SEED_DIR.glob("*.txt")):
        seed_runs |= _runs(_words(path.read_text(encoding="utf-8")))
    assert seed_runs
    copied = [
        (text, " ".join(run))
        for text in _english_texts(en)
        for run in _runs(_words(text)) & seed_runs
    ]
    assert not copied, copied
