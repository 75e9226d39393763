# Two commands set up everything on a fresh clone:
#   make lab            open the course in JupyterLab (make lab lang=sv for Swedish)
#   make test           run the whole test suite
# Both create .venv on first use. `lang` is lower case so it never clashes with the
# locale variable LANG.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
lang   ?= en
# Parallel pytest workers; CI has two cores.
JOBS   ?= auto

.PHONY: lab test clean

$(VENV)/.installed-base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed-base $@

lab: $(VENV)/.installed-base
	$(PY) -m course lab --lang $(lang)

test: $(VENV)/.installed-test
	$(PY) -m pytest -n $(JOBS) tests

clean:
	rm -rf $(VENV) .pytest_cache .build
