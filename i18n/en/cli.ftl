# CLI human output (issue 20, CLI side).
