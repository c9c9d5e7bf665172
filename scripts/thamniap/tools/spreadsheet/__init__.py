"""The spreadsheet route, for districts that keep their roster in Excel.

The form itself (sheets, columns, the workbook) is render/spreadsheet/ and the district folder with
its roster files load/district_files.py, so the site build can offer each district's form too.
template (`template-xlsx`) · guard (hostile files, before openpyxl) · cells (reading
a filled-in form) · people (rows to people, and their checks) · importer (`import-xlsx`).
"""
