"""The command line (`python generate.py`, `lkjip`): parse arguments, call the API, print in Indonesian.

The top layer: everything else is importable without it, and nothing imports it.
"""
