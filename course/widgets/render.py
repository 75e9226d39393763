"""A widget's figure as the PNG the inline backend would show, drawn once and mostly blitted.

The redraw is what a student waits for after moving a slider. The inline backend's own
path (``display(fig)``) draws the whole figure twice (once only to measure its tight
bounding box) and compresses the PNG hard. :func:`render_png` instead

1. draws the figure once with Agg at its own size and dpi;
2. keeps that picture as a *background*, and on the next redraw draws only what changed
   on it: the artists matplotlib marked *stale* (changed) since, plus everything drawn
   above them in their axes, in matplotlib's order, so the picture is the same, pixel
   for pixel, as a full draw. An axes whose limits or labels changed is drawn whole (a new title is drawn alone). What
   changed once is drawn on top from then on; a widget can name such artists in advance
   (``FigureWidget.dynamic_artists``) so that not even its first redraw is a full one;
3. crops the picture to the drawn pixels plus the 0.1 inch margin ``bbox_inches="tight"``
   leaves, and compresses it at zlib level 1 (larger than matplotlib's level 6 by a few
   per cent, several times faster, lossless all the same).

Axis ticks, tick labels, legends and contours are what take most of a draw, and in most
widgets they stay where they are, so most redraws are a fraction of a full one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from matplotlib.transforms import Bbox
from PIL import Image

# The margin the inline backend leaves around a figure's content (bbox_inches="tight").
PAD_INCHES = 0.1
# Room around the figure for labels that stick out of it; ink in its outer half is left
# to matplotlib's own path (it may be cut off even there).
MARGIN_INCHES = 1.0
# zlib level of the PNG: 1 is several times faster than matplotlib's 6, a few per cent larger.
COMPRESS_LEVEL = 1
# Ink this close to the canvas edge (pixels) may have been cut there.
_EDGE_PIXELS = 3


@dataclass
class RenderCache:
    """What :func:`render_png` keeps between redraws of one figure.

    ``background`` is the saved picture without the ``top`` artists; it is valid while
    the figure's layout (:func:`figure_key`, and :func:`axes_key` of every axes drawn in
    it) stays the same and none of the artists in it has changed. ``dynamic`` grows with
    every artist found changed, so a redraw needs at most one full draw to learn it.
    ``full_draws`` and ``blits`` count the two kinds of redraw (tests read them).
    """

    dynamic: list = field(default_factory=list)
    top: tuple = ()
    background: object | None = None
    figure_key: tuple | None = None
    axes_keys: dict = field(default_factory=dict)
    checked: tuple | None = None  # the layout at which the content was last found to fit, or not
    inside: bool = False
    titles_placed: dict = field(default_factory=dict)  # axes -> its titles' texts when last placed
    full_draws: int = 0
    blits: int = 0
    canvas: FigureCanvasAgg | None = field(default=None, repr=False)


def figure_key(fig: Figure) -> tuple:
    """What every saved background depends on: the figure's size, colour and children."""
    return (tuple(fig.get_size_inches()), fig.dpi, fig.get_facecolor(), tuple(map(id, fig.get_children())))


def _titles(ax: Axes) -> tuple[Artist, ...]:
    return (ax.title, ax._left_title, ax._right_title)


# Whether a changed title can be drawn on its own: Axes.draw places the titles just before
# drawing them (``_update_title_position``), and so must a title drawn on the background.
_PLACES_TITLES = hasattr(Axes, "_update_title_position")


def axes_key(ax: Axes) -> tuple:
    """The layout of one axes: where it is, its limits, scales, labels and which artists it holds.

    When it changes, the axes' ticks and labels change: the axes is drawn whole from then on.
    A title's text is not part of it (a new title moves nothing else: it is drawn on its
    own, placed as ``Axes.draw`` places it), only whether each title is empty, since the
    titles are placed only when one of them has text.
    """
    titles = (
        tuple(bool(title.get_text()) for title in _titles(ax)) if _PLACES_TITLES
        else tuple(title.get_text() for title in _titles(ax))
    )
    return (
        tuple(ax.get_position().bounds), tuple(ax.get_xlim()), tuple(ax.get_ylim()),
        ax.get_xscale(), ax.get_yscale(), ax.get_visible(), ax.axison, titles,
        ax.xaxis.label.get_text(), ax.yaxis.label.get_text(), tuple(map(id, ax.get_children())),
    )


def _title_texts(fig: Figure) -> dict:
    return {ax: tuple(title.get_text() for title in _titles(ax)) for ax in fig.axes}


def _draw_on_top(top: Sequence[Artist], renderer, placed: dict) -> None:
    """Draw ``top`` in order; a title alone first gets the place ``Axes.draw`` would give it.

    ``placed`` holds the titles' texts of every axes when they were last placed: a title
    is placed again only when its axes' titles read differently (the place depends on
    nothing else that can change without the axes being laid out anew).
    """
    for artist in top:
        ax = artist.axes
        if (_PLACES_TITLES and ax is not None and not isinstance(artist, Axes)
                and any(artist is title for title in _titles(ax))):
            texts = tuple(title.get_text() for title in _titles(ax))
            if placed.get(ax) != texts:
                ax._update_title_position(renderer)
                placed[ax] = texts
        artist.draw(renderer)


def _drawn_in_order(ax: Axes) -> list[Artist]:
    """The children of ``ax`` in the order ``Axes.draw`` draws them (after its background patch)."""
    artists = ax.get_children()
    artists.remove(ax.patch)
    if not (ax.axison and ax.get_frame_on()):
        artists = [a for a in artists if a not in ax.spines.values()]
    if not ax.axison:
        artists = [a for a in artists if a not in (ax.xaxis, ax.yaxis)]
    return sorted(artists, key=lambda artist: artist.get_zorder())


def drawn_on_top(fig: Figure, dynamic: Sequence[Artist]) -> tuple[Artist, ...]:
    """The artists to draw on the background, in drawing order: ``dynamic`` and all drawn above them.

    A dynamic artist inside an axes brings along every child of that axes that is drawn
    after it (a legend, markers with a higher zorder, the spines), so the blitted picture
    is the full draw's. A dynamic axes is drawn whole, with everything in it, and brings
    along the figure's later artists that are not axes beside it (a suptitle, figure texts).
    """
    dynamic_axes = [artist for artist in dynamic if isinstance(artist, Axes) and artist in fig.axes]
    top: list[Artist] = []
    by_axes: dict[Axes, list[Artist]] = {}
    for artist in dynamic:
        ax = artist.axes
        # An artist of a dynamic axes is drawn with it; one removed from the figure, not at all.
        if isinstance(artist, Axes) or ax is None or ax in dynamic_axes or ax not in fig.axes:
            continue
        by_axes.setdefault(ax, []).append(artist)
    for ax, artists in by_axes.items():
        order = _drawn_in_order(ax)
        wanted = set(map(id, artists))
        drawn = [position for position, artist in enumerate(order) if id(artist) in wanted]
        if drawn:
            top.extend(order[min(drawn):])
    if dynamic_axes:
        figure_order = sorted((a for a in fig.get_children() if a is not fig.patch), key=lambda a: a.get_zorder())
        first = min(figure_order.index(ax) for ax in dynamic_axes)
        for artist in figure_order[first:]:
            beside = isinstance(artist, Axes) and artist not in dynamic_axes and not any(
                artist.get_position().overlaps(ax.get_position()) for ax in dynamic_axes
            )
            if not beside:
                top.append(artist)
    return tuple(top)


def _canvas(fig: Figure) -> FigureCanvasAgg | None:
    canvas = fig.canvas
    if type(canvas) is FigureCanvasBase:  # a closed pyplot figure: give it an Agg canvas
        return FigureCanvasAgg(fig)
    return canvas if type(canvas) is FigureCanvasAgg else None


def _fits(fig: Figure, renderer) -> bool:
    """Whether everything the figure draws lies inside it (its tight bounding box)."""
    box = fig.get_tightbbox(renderer)
    width, height = fig.get_size_inches()
    return box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height


def _drawn_with_margin(fig: Figure) -> np.ndarray:
    """``fig`` drawn (by ``savefig``) on a canvas ``MARGIN_INCHES`` larger on every side, as RGBA.

    For a figure whose labels stick out of it: ``bbox_inches="tight"`` would include them.
    """
    width, height = fig.get_size_inches()
    area = Bbox.from_extents(-MARGIN_INCHES, -MARGIN_INCHES, width + MARGIN_INCHES, height + MARGIN_INCHES)
    out = BytesIO()
    fig.savefig(out, format="rgba", dpi=fig.dpi, bbox_inches=area, facecolor=fig.get_facecolor())
    columns = round(area.width * fig.dpi)
    return np.frombuffer(out.getbuffer(), dtype=np.uint8).reshape(-1, columns, 4)


def _ink(rgba: np.ndarray, paper: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows and the columns of ``rgba`` (height, width, 4) with a pixel that is not ``paper``."""
    # One 32-bit number per pixel, so "differs from the background" is one comparison.
    content = np.ascontiguousarray(rgba).view(np.uint32)[..., 0] != paper.view(np.uint32)[0]
    return np.flatnonzero(content.any(axis=1)), np.flatnonzero(content.any(axis=0))


def mark_drawn(fig: Figure) -> None:
    """Mark every artist of ``fig`` as shown as it is now (not stale), drawn or not.

    An empty text, a hidden line or the patch of an axes without a frame draw nothing and
    would stay stale, and drawing or measuring the figure moves the titles (to the same
    place): none of that is a change for :func:`render_png` to find next time.
    """
    for artist in (*fig.get_children(), *(child for ax in fig.axes for child in ax.get_children())):
        artist.stale = False


def _find_changes(fig: Figure, cache: RenderCache) -> bool:
    """Add what changed since the last picture to ``cache.dynamic``; True if that needs a full draw.

    matplotlib marks an artist *stale* when it is changed (new data, text, colour,
    visibility) and a draw marks it fresh, so the stale artists in the background are the
    ones that changed. An axes whose layout changed (limits, title, a new artist) becomes
    dynamic as a whole. A change outside every axes (a figure title) is drawn in full.
    """
    on_top = set(map(id, cache.top))
    known = len(cache.dynamic)
    for ax in fig.axes:
        if id(ax) in on_top:
            continue
        if cache.axes_keys.get(ax) != axes_key(ax) or ax.patch.stale:
            cache.dynamic.append(ax)
            continue
        cache.dynamic.extend(child for child in ax.get_children() if child.stale and id(child) not in on_top)
    changed_outside = any(
        artist.stale for artist in fig.get_children()
        if not isinstance(artist, Axes) and artist is not fig.patch and id(artist) not in on_top
    )
    return changed_outside or len(cache.dynamic) > known


def render_png(fig: Figure, dynamic: Sequence[Artist] = (), cache: RenderCache | None = None) -> bytes | None:
    """``fig`` as the PNG the inline backend would show; None if it cannot be made here.

    Parameters
    ----------
    fig
        The figure, on an Agg canvas (or none: a closed pyplot figure).
    dynamic
        Artists (lines, texts, whole axes) known to change between redraws. Others that
        change are found as they do (see :func:`_find_changes`), at the cost of one full draw.
    cache
        A :class:`RenderCache` kept by the caller between redraws of this figure; without
        one the whole figure is drawn.

    Returns None, so the caller falls back to matplotlib's own path, when the figure lives
    on an interactive canvas (ipympl), has a see-through background, or draws more than
    half an inch outside the figure. A figure whose content sticks out less is drawn again
    on a larger canvas (``savefig``), so the picture includes it as the tight box would.
    """
    canvas = _canvas(fig)
    if canvas is None:
        return None
    background_colour = to_rgba(fig.get_facecolor())
    if background_colour[3] < 1:
        return None
    cache = cache if cache is not None else RenderCache()
    engine = fig.get_layout_engine()
    if engine is not None and not isinstance(engine, PlaceHolderLayoutEngine):
        dynamic = ()  # a layout engine moves things on every draw: nothing can be kept
        cache.background = None
    fresh = cache.background is None or cache.canvas is not canvas or figure_key(fig) != cache.figure_key
    for artist in dynamic:
        if not any(artist is known for known in cache.dynamic):
            cache.dynamic.append(artist)
    if not fresh:
        fresh = _find_changes(fig, cache)
    top = drawn_on_top(fig, cache.dynamic)
    # The canvas keeps its renderer while the size stays the same, and with it matplotlib's
    # cache of text sizes: laying out text is a large part of a draw.
    renderer = canvas.get_renderer()
    if not fresh and top == cache.top:
        canvas.restore_region(cache.background)
        cache.blits += 1
    else:
        animated = [artist.get_animated() for artist in top]
        for artist in top:
            artist.set_animated(True)  # left out of the full draw, drawn on top below
        try:
            canvas.draw()
        finally:
            for artist, was in zip(top, animated):
                artist.set_animated(was)
        renderer = canvas.get_renderer()
        cache.background = canvas.copy_from_bbox(fig.bbox)
        # After the draw: an axes with a fixed aspect ratio finds its final place while drawn.
        cache.figure_key, cache.axes_keys = figure_key(fig), {ax: axes_key(ax) for ax in fig.axes}
        cache.top, cache.canvas = top, canvas
        cache.titles_placed = _title_texts(fig)  # Axes.draw placed every title
        cache.full_draws += 1
    _draw_on_top(top, renderer, cache.titles_placed)
    rgba = np.asarray(canvas.buffer_rgba())  # (height, width, 4), a view of the canvas
    paper = np.array([round(c * 255) for c in background_colour], dtype=np.uint8)
    rows, cols = _ink(rgba, paper)
    if rows.size == 0:
        return None  # nothing drawn: let IPython decide what an empty figure shows
    height, width = rgba.shape[:2]
    pad = round(PAD_INCHES * fig.dpi)
    to_edge = min(rows[0], cols[0], height - 1 - rows[-1], width - 1 - cols[-1])
    # Ink close to the edge may be cut off there (text is cut glyph by glyph, so the last
    # ink need not touch the edge): then ask matplotlib whether the content fits, once
    # per layout, and always when ink touches the edge.
    layout = cache.full_draws  # the content can only move out of the figure with a new layout
    if cache.checked is None or (to_edge < pad and cache.checked != layout) or to_edge < _EDGE_PIXELS:
        cache.checked, cache.inside = layout, _fits(fig, renderer)
    if not cache.inside:
        # Labels stick out: draw again with room around the figure, as the tight box would.
        cache.background = cache.checked = None  # savefig changed the canvas: start afresh next time
        rgba = _drawn_with_margin(fig)
        rows, cols = _ink(rgba, paper)
        height, width = rgba.shape[:2]
        band = round(MARGIN_INCHES / 2 * fig.dpi)
        if min(rows[0], cols[0], height - 1 - rows[-1], width - 1 - cols[-1]) < band:
            return None  # far outside, perhaps cut off even there: leave it to matplotlib
    mark_drawn(fig)
    # The drawn pixels plus the margin, which may reach past the figure's edge: paper there.
    top_row, left = rows[0] - pad, cols[0] - pad
    picture = np.empty((rows[-1] + 1 + pad - top_row, cols[-1] + 1 + pad - left, 3), dtype=np.uint8)
    picture[...] = paper[:3]
    src_top, src_left = max(top_row, 0), max(left, 0)
    src_bottom, src_right = min(rows[-1] + 1 + pad, height), min(cols[-1] + 1 + pad, width)
    picture[src_top - top_row : src_bottom - top_row, src_left - left : src_right - left] = rgba[
        src_top:src_bottom, src_left:src_right, :3
    ]
    # The background is opaque, so every pixel is: RGB carries the whole picture.
    image = Image.fromarray(picture, "RGB")
    out = BytesIO()
    image.save(out, format="png", compress_level=COMPRESS_LEVEL)
    return out.getvalue()
