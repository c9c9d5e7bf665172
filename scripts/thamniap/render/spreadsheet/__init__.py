"""The workbook a district fills in (template.py), made from the form's sheets and columns
(intake/spreadsheet/form.py). Reading a filled-in form back is intake/spreadsheet/ and
tools/spreadsheet/ (import-xlsx)."""
