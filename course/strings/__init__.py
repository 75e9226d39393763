"""UI strings, one module per area; see :mod:`course.i18n`."""
