"""Exit codes: each means one thing, whatever went wrong."""

EXIT_CLEAN = 0  # no finding at or above the failing level
EXIT_FINDINGS = 1  # findings at or above the failing level
EXIT_ERROR = 2  # usage or configuration error, or a file that could not be checked
