"""The only code that knows about speed and MkDocs: workers, the site build, the search index, the MkDocs glue."""
