"""The Excel form a district fills in: its sheets and columns (form.py), reading a workbook safely
(guard.py, cells.py) and its rows as people (people.py). Writing the roster files is
tools/spreadsheet/ (import-xlsx); making the workbook is render/spreadsheet/."""
