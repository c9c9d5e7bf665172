"""Tools for developers, never on the path of a build, a check or the bot: the benchmark (bench.py)
and the fictional sample data (sample.py)."""
