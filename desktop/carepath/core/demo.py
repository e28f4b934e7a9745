"""A believable sample record: a year of someone moving from entry level toward care coordinator.

She works as a nurse aide with an associate degree in health administration, so her notes and
steps follow the real rules: the CCM is out of reach until she holds a bachelor's degree or a
license and has worked 12–24 months in case management, and it is measured in months, not hours.

Used by ``carepath demo`` and "Try with sample data" so a newcomer sees every chart filled, and by
tests and benchmarks as a realistic record. It is generated from a fixed seed, so the same day gives
the same record, and it is dated relative to ``today`` so it never looks stale. In Spanish
(``language="es"``) the same record is written by a Spanish-speaking coordinator: only the text
the person typed differs, ids, dates and ratings are the same.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import (
    Assessment,
    Goal,
    GoalStatus,
    Profile,
    Record,
    StepProgress,
    StepStatus,
)

DEMO_NAME = "Alex Rivera (sample)"
MONTHS = 12

# Where the sample person starts and how fast each skill tends to move (levels per year).
_START = {
    "communication": 2,
    "organization": 2,
    "interpersonal": 3,
    "problem_solving": 2,
    "medical_terminology": 2,
    "computer_skills": 3,
    "attention_to_detail": 2,
    "negotiation": 1,
    "crisis_management": 1,
    "healthcare_system": 1,
    "ethics": 2,
    "leadership": 1,
    "time_management": 2,
    "flexibility": 3,
}
_PACE = {
    "communication": 1.6,
    "organization": 1.4,
    "interpersonal": 0.8,
    "problem_solving": 1.2,
    "medical_terminology": 1.8,
    "computer_skills": 0.9,
    "attention_to_detail": 1.0,
    "negotiation": 0.4,
    "crisis_management": 1.1,
    "healthcare_system": 1.7,
    "ethics": 0.9,
    "leadership": 0.3,
    "time_management": 0.5,
    "flexibility": 0.6,
}

_EVIDENCE = {
    "communication": [
        "Explained a new insulin schedule to a patient's daughter using teach-back.",
        "Ran the Monday huddle hand-off for the first time; nobody had to ask twice.",
    ],
    "organization": [
        "Built a shared tracker for 18 open referrals; no missed follow-up this month.",
    ],
    "medical_terminology": [
        "Finished the terminology course at the community college (A-).",
        "Read discharge summaries without looking up abbreviations.",
    ],
    "healthcare_system": [
        "Sat with the billing team for a day; now understand prior authorisations.",
        "Helped a patient appeal a denied home-health claim, approved in 9 days.",
    ],
    "crisis_management": [
        "Stayed with a family during a rapid-response call and kept them informed.",
    ],
    "problem_solving": [
        "Found transport for a dialysis patient when the usual van service folded.",
    ],
    "negotiation": [
        "Still leave insurance calls to my supervisor; want to lead one next month.",
    ],
}


def _ratings_for(month: int, rng: random.Random) -> dict[str, int]:
    ratings = {}
    for skill in SKILL_IDS:
        if skill not in _START:
            continue  # decision_making stays "not rated yet": the sample shows what that looks like
        progress = _START[skill] + _PACE[skill] * month / (MONTHS - 1)
        wobble = rng.choice((-0.4, 0.0, 0.0, 0.3))
        ratings[skill] = max(1, min(5, round(progress + wobble)))
    return ratings


#: What the sample person typed, in Spanish (keyed by the English text).
_SPANISH: dict[str, str] = {
    DEMO_NAME: "Alex Rivera (ejemplo)",
    "Explained a new insulin schedule to a patient's daughter using teach-back.": (
        "Le expliqué a la hija de un paciente el nuevo horario de insulina con el método de "
        "repetición (teach-back)."
    ),
    "Ran the Monday huddle hand-off for the first time; nobody had to ask twice.": (
        "Dirigí por primera vez el traspaso en la reunión breve del lunes; nadie tuvo que "
        "preguntar dos veces."
    ),
    "Built a shared tracker for 18 open referrals; no missed follow-up this month.": (
        "Armé un registro compartido de 18 remisiones abiertas; este mes no se perdió ningún "
        "seguimiento."
    ),
    "Finished the terminology course at the community college (A-).": (
        "Terminé el curso de terminología médica en el community college (calificación A-)."
    ),
    "Read discharge summaries without looking up abbreviations.": (
        "Leo los resúmenes de alta sin tener que buscar las abreviaturas."
    ),
    "Sat with the billing team for a day; now understand prior authorisations.": (
        "Pasé un día con el equipo de facturación; ahora entiendo las autorizaciones previas."
    ),
    "Helped a patient appeal a denied home-health claim, approved in 9 days.": (
        "Ayudé a un paciente a apelar una reclamación de atención domiciliaria denegada; se "
        "aprobó en 9 días."
    ),
    "Stayed with a family during a rapid-response call and kept them informed.": (
        "Acompañé a una familia durante una llamada del equipo de respuesta rápida y la mantuve "
        "informada."
    ),
    "Found transport for a dialysis patient when the usual van service folded.": (
        "Conseguí transporte para un paciente de diálisis cuando cerró el servicio de camioneta "
        "de siempre."
    ),
    "Still leave insurance calls to my supervisor; want to lead one next month.": (
        "Todavía le dejo las llamadas con las aseguradoras a mi supervisora; quiero encargarme "
        "de una el próximo mes."
    ),
    "Monthly check-in.": "Revisión mensual.",
    "First honest look at where I stand.": "Primera mirada honesta a dónde estoy.",
    "Shadowed two coordinators at the county clinic.": (
        "Acompañé en su trabajo a dos coordinadoras de la clínica del condado."
    ),
    "Associate degree in health administration.": (
        "Título asociado en administración de servicios de salud."
    ),
    "Nurse aide on the medical ward, 32 hours a week.": (
        "Auxiliar de enfermería en la sala de medicina, 32 horas a la semana."
    ),
    "Toastmasters on Thursdays.": "Toastmasters los jueves.",
    "Learned the EHR task lists and referral queue.": (
        "Aprendí las listas de tareas del registro de salud electrónico (EHR) y la cola de "
        "remisiones."
    ),
    "CCM later: my associate degree does not qualify, so first a bachelor's in a "
    "health field (or a nursing license), then 12 months of case-management work under "
    "a CCM-certified supervisor.": (
        "La CCM, más adelante: mi título asociado no califica, así que primero necesito una "
        "licenciatura en un campo de la salud (o una licencia de enfermería) y luego 12 meses "
        "de trabajo en gestión de casos con un/a supervisor/a certificado/a como CCM."
    ),
    "HIPAA refresher done; ethics course half way.": (
        "Repaso de HIPAA terminado; el curso de ética va por la mitad."
    ),
    "Joined the state case management association.": (
        "Me uní a la asociación estatal de gestión de casos."
    ),
    "Lead one insurance authorisation call on my own": (
        "Encargarme por mi cuenta de una llamada de autorización con la aseguradora"
    ),
    "Role-play the call with my supervisor; prepare the case summary first.": (
        "Ensayar la llamada con mi supervisora; preparar antes el resumen del caso."
    ),
    "Supervisor; payer policy binder": "Supervisora; carpeta de políticas de la aseguradora",
    "Mentor the new nurse aide for her first month": (
        "Acompañar como mentora a la nueva auxiliar de enfermería en su primer mes"
    ),
    "Weekly 20-minute check-in; share my referral tracker.": (
        "Reunión semanal de 20 minutos; compartir mi registro de remisiones."
    ),
    "Map Medicare vs Medicaid home-health rules on one page": (
        "Resumir en una página las reglas de atención domiciliaria de Medicare y Medicaid"
    ),
    "Read the CMS summaries; check the map with the billing lead.": (
        "Leer los resúmenes de los CMS; revisar el resumen con la responsable de facturación."
    ),
    "Billing lead": "Responsable de facturación",
}


def _say(text: str, language: str) -> str:
    """What the sample person typed, in ``language`` ("en" or "es")."""
    return _SPANISH.get(text, text) if language == "es" else text


def build_demo_record(today: date | None = None, seed: int = 7, language: str = "en") -> Record:
    today = today or date.today()
    rng = random.Random(seed)
    first = today - timedelta(days=30 * (MONTHS - 1) + 5)
    assessments = []
    previous: dict[str, int] = {}
    for month in range(MONTHS):
        day = first + timedelta(days=30 * month + rng.randint(-3, 3))
        taken_at = datetime.combine(day, time(19, rng.randint(0, 59))).astimezone()
        ratings = _ratings_for(month, rng)
        # Progress is never perfectly smooth, but a sample should not fall below its first month.
        ratings = {s: max(v, previous.get(s, 1) - 1) for s, v in ratings.items()}
        notes = {
            skill: _say(texts[month % len(texts)], language)
            for skill, texts in _EVIDENCE.items()
            if rng.random() < 0.35 or month == MONTHS - 1
        }
        assessments.append(
            Assessment(
                id=f"demo{month:04d}{seed:04d}",
                taken_at=taken_at,
                ratings=ratings,
                notes=notes,
                note=_say(
                    "Monthly check-in." if month else "First honest look at where I stand.",
                    language,
                ),
            )
        )
        previous = ratings
    return Record(
        profile=Profile(
            name=_say(DEMO_NAME, language),
            current_stage="entry",
            target_stage="coordinator",
            created_at=assessments[0].taken_at.isoformat(),
        ),
        assessments=tuple(assessments),
        steps=_demo_steps(first, today, language),
        goals=_demo_goals(today, language),
    )


def _demo_steps(first: date, today: date, language: str) -> dict[str, StepProgress]:
    def days(n: int) -> date:
        return first + timedelta(days=n)

    steps = [
        StepProgress(
            "understand_role",
            StepStatus.DONE,
            days(-30),
            days(0),
            days(-2),
            "Shadowed two coordinators at the county clinic.",
        ),
        StepProgress(
            "education",
            StepStatus.DONE,
            days(-400),
            days(200),
            days(190),
            "Associate degree in health administration.",
            {"degree": True},
        ),
        StepProgress(
            "experience",
            StepStatus.IN_PROGRESS,
            days(-200),
            days(400),
            None,
            "Nurse aide on the medical ward, 32 hours a week.",
        ),
        StepProgress(
            "communication",
            StepStatus.IN_PROGRESS,
            days(40),
            today + timedelta(days=60),
            None,
            "Toastmasters on Thursdays.",
        ),
        StepProgress(
            "organization",
            StepStatus.DONE,
            days(60),
            days(180),
            days(170),
            "Learned the EHR task lists and referral queue.",
        ),
        # True to the CCM rules: an associate degree in health administration is neither a
        # license nor a bachelor's, so she is not eligible yet whatever her experience, and the
        # experience counted is months of case-management work, not hours. The step has no
        # target date: its proposal waits for her first coordinator job ("apply").
        StepProgress(
            "certification",
            StepStatus.NOT_STARTED,
            None,
            None,
            None,
            "CCM later: my associate degree does not qualify, so first a bachelor's in a "
            "health field (or a nursing license), then 12 months of case-management work under "
            "a CCM-certified supervisor.",
            {"research_requirements": True},
        ),
        StepProgress(
            "legal_ethics",
            StepStatus.IN_PROGRESS,
            days(200),
            today - timedelta(days=14),
            None,
            "HIPAA refresher done; ethics course half way.",
        ),
        StepProgress("community_resources", StepStatus.NOT_STARTED),
        StepProgress(
            "network",
            StepStatus.IN_PROGRESS,
            days(150),
            today + timedelta(days=200),
            None,
            "Joined the state case management association.",
        ),
        StepProgress("apply", StepStatus.NOT_STARTED),
    ]
    return {step.step_id: replace(step, note=_say(step.note, language)) for step in steps}


def _demo_goals(today: date, language: str) -> tuple[Goal, ...]:
    goals = (
        Goal(
            id="demogoal0001",
            skill="negotiation",
            title="Lead one insurance authorisation call on my own",
            actions="Role-play the call with my supervisor; prepare the case summary first.",
            resources="Supervisor; payer policy binder",
            due_date=today + timedelta(days=45),
            status=GoalStatus.IN_PROGRESS,
            created_at=(today - timedelta(days=40)).isoformat(),
        ),
        Goal(
            id="demogoal0002",
            skill="leadership",
            title="Mentor the new nurse aide for her first month",
            actions="Weekly 20-minute check-in; share my referral tracker.",
            due_date=today + timedelta(days=90),
            status=GoalStatus.PLANNED,
            created_at=(today - timedelta(days=20)).isoformat(),
        ),
        Goal(
            id="demogoal0003",
            skill="healthcare_system",
            title="Map Medicare vs Medicaid home-health rules on one page",
            actions="Read the CMS summaries; check the map with the billing lead.",
            resources="Billing lead",
            due_date=today - timedelta(days=10),
            status=GoalStatus.IN_PROGRESS,
            created_at=(today - timedelta(days=80)).isoformat(),
        ),
    )
    return tuple(
        replace(
            goal,
            title=_say(goal.title, language),
            actions=_say(goal.actions, language),
            resources=_say(goal.resources, language),
        )
        for goal in goals
    )
