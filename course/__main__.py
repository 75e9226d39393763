"""``python -m course``: the same command line as ``nncourse``."""

from course.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
