"""Reading the dataset: discovery of data files, the strict YAML loader, the JSON Schema check."""
