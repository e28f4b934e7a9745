"""The backup format's name, newest version and size limit, apart from the code that reads it.

Reading a whole team folder needs only these three facts to sort files before it looks closer;
importing ``core.backup`` for them would bring its writer, the review upgrade and JSON Schema set-up
into ``carepath team``, whose time beyond start-up is held to three times orjson's parsing.
"""

FORMAT = "carepath-backup"
BACKUP_VERSION = 2  # 2 added reviews and review requests (core.review_backup)
MAX_FILE_BYTES = 200 * 1024 * 1024
