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

# 1. fail when a committed notebook differs from its source (and build the exercise
#    solutions for step 3); 2. unit, widget, builder, grader and browser tests;
#    3. every lesson, student exercise and exercise solution in a fresh kernel (nbval;
#    --dist loadscope keeps the cells of one notebook on one kernel), where a runtime or
#    user warning is an error, because lessons must run without warnings. Each kernel uses
#    one BLAS thread: two workers on two cores, and the lessons' small matrix products
#    only slow down when threads compete for the cores.
NOTEBOOK_WARNINGS := error::RuntimeWarning,error::UserWarning
NOTEBOOK_ENV := PYTHONWARNINGS=$(NOTEBOOK_WARNINGS) OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1

test: $(VENV)/.installed-test
	rm -rf .build/solutions
	$(PY) -m course build --check --solutions .build/solutions
	$(PY) -m pytest -n $(JOBS) tests
	$(NOTEBOOK_ENV) $(PY) -m pytest -n $(JOBS) --dist loadscope --nbval-lax \
		notebooks exercises .build/solutions

clean:
	rm -rf $(VENV) .pytest_cache .build
