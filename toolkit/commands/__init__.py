"""The work behind each subcommand; toolkit/cli.py declares the options and calls these."""
