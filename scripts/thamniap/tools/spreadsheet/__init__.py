"""The spreadsheet route, for districts that keep their roster in Excel.

form (sheets, columns and what they hold, where a problem is) · district (the folder and its
roster.yaml) · template (`template-xlsx`) · guard (hostile files, before openpyxl) · cells (reading
a filled-in form) · people (rows to people, and their checks) · importer (`import-xlsx`).
"""
