"""Interactive widgets for the lessons, one module per kind of widget.

Each module keeps the computation in pure functions (importable and testable without
Jupyter) and wires ipywidgets controls to them through :class:`FigureWidget`.
"""

# Set in the environment of a kernel that runs a lesson for a slide deck (course.slides):
# widgets then draw their figure as a picture instead of live controls.
STATIC_WIDGETS = "NNCOURSE_STATIC_WIDGETS"
