"""CarePath: private, offline self-assessment and development planning for care coordinators."""

__version__ = "0.1.0"
APP_NAME = "CarePath"
APP_ID = "org.carepath.CarePath"
#: Languages of the interface, the content and the plan (``--lang``, Preferences).
LANGUAGES: tuple[str, ...] = ("en", "es")
