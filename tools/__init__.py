"""Maintenance scripts for the book: the repository address, the Colab setup cell, re-execution."""
