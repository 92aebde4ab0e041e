"""The command line front end: `newslint check` and the other commands."""

from .main import main

__all__ = ["main"]
