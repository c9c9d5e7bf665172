"""Commands for people who run the project: check-pr, codeowners, sample data, bench, the spreadsheet route."""
