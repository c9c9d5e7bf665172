"""The Excel form of the spreadsheet route: its sheets and columns (form) and the workbook a district
fills in (template). Reading a filled-in form back is tools/spreadsheet/ (import-xlsx)."""
