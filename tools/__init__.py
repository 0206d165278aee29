"""Maintenance scripts for the book: the repository address, re-execution, the favicon."""
