"""Everything CarePath writes for the user to keep or share.

* ``plan`` — the personal development plan as PDF, HTML or Markdown (``export_plan``), built from
  ``plan_content`` (what it says), ``charts_images`` (the window's charts as images) and one
  writer per format (``pdf_plan``, ``html_plan``, ``markdown_plan``). Only the PDF needs Qt.
* ``history_csv`` — the assessment history for a spreadsheet.

Nothing is imported here, so that ``import carepath.export.history_csv`` stays light.
"""
