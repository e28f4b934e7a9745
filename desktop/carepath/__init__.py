"""CarePath: private, offline self-assessment and development planning for care coordinators."""

__version__ = "0.1.0"
APP_NAME = "CarePath"
APP_ID = "org.carepath.CarePath"
