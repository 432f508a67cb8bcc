"""Process exit codes, in one place (only the CLI calls sys.exit)."""

OK = 0  # ran; nothing to report (or nothing new)
FOUND = 1  # ran; contradictions found (report/check)
ERROR = 2  # the run could not be judged: bad option, invalid rule/alias file, internal error
