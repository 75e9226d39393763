"""Interactive widgets for the lessons, one module per kind of widget.

Each module keeps the computation in pure functions (importable and testable without
Jupyter) and wires ipywidgets controls to them through :class:`FigureWidget`.
"""
