"""write: the only code that changes files under data/.

Every command that changes contributor files (the report bot, import-xlsx, new-round, new-district,
split-roster, the sample generator) goes through this layer, so the files keep one shape:
style.py (the house YAML style: how a document is written), lineedit.py (the smallest line edit
from the file on disk to the new text, keeping every comment), edit.py (a changed document written
back into its file that way, checked by reading it back) and files.py (all-or-nothing replacement).
Why a line editor and not a round-trip YAML library: docs/architecture.md ("การเขียนไฟล์ข้อมูล").
"""
