"""Plain data across the process boundary: JSON plus ``.npy`` blobs, never pickle.

The grader's worker runs the student's code and sends back what it returned. Only
*data* may cross: None, bools, ints, floats (NaN and ±inf too), complex numbers,
strings, numpy arrays and scalars of numbers, bools or strings, and lists, tuples and
dicts of those. Anything else (a class instance, a generator, an object array) is
refused with :class:`EncodeError`, and the parent decodes with ``json.loads`` and
``numpy.load(allow_pickle=False)``, so no bytes a student controls are ever unpickled.

A message is ``MAGIC, u32 json length, json, u32 blob count, (u64 length, .npy bytes)*``;
a JSON object is always a tag: ``{"f": "nan"}`` a non-finite float, ``{"c": [re, im]}``
a complex, ``{"t": [...]}`` a tuple, ``{"d": [[k, v], ...]}`` a dict, ``{"a": i}`` an
array and ``{"s": i}`` a numpy scalar (blob ``i``). :class:`FrameReader` splits a byte
stream into length-prefixed messages with size limits.
"""

from __future__ import annotations

import io
import json
import math
import re
import struct
from typing import Any

import numpy as np

MAGIC = b"NNC1"
MAX_DEPTH = 32
MAX_NODES = 1_000_000
MAX_BYTES = 16 * 1024 * 1024
_KINDS = "biufcUS"
_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")


class EncodeError(ValueError):
    """A value cannot be sent as plain data.

    ``kind`` is "type", "dtype", "key", "too_large" or "too_deep" (it picks the
    feedback string ``checker.unsupported_KIND``); ``detail`` names the culprit.
    """

    def __init__(self, kind: str, detail: str) -> None:
        self.kind = kind
        self.detail = detail
        super().__init__(f"{kind}: {detail}")


class DecodeError(ValueError):
    """Bytes that are not a well-formed message (a protocol error of the sender)."""


class _Budget:
    __slots__ = ("nodes", "bytes", "max_bytes")

    def __init__(self, max_bytes: int) -> None:
        self.nodes = 0
        self.bytes = 0
        self.max_bytes = max_bytes

    def spend(self, nbytes: int) -> None:
        self.nodes += 1
        self.bytes += nbytes
        if self.nodes > MAX_NODES:
            raise EncodeError("too_large", f"more than {MAX_NODES} values")
        if self.bytes > self.max_bytes:
            raise EncodeError("too_large", f"more than {self.max_bytes // (1024 * 1024)} MB")


def _array_blob(value: Any, blobs: list[bytes], budget: _Budget) -> int:
    array = np.asarray(value)
    if type(array) is not np.ndarray:
        array = np.array(array, subok=False)
    if array.dtype.kind not in _KINDS or array.dtype.names is not None or array.dtype.hasobject:
        raise EncodeError("dtype", str(array.dtype))
    budget.spend(int(array.nbytes))
    buffer = io.BytesIO()
    np.save(buffer, array if array.flags.c_contiguous else array.copy(order="C"), allow_pickle=False)
    blobs.append(buffer.getvalue())
    return len(blobs) - 1


def _float(value: float) -> Any:
    if math.isfinite(value):
        return value
    return {"f": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}


def _encode(value: Any, blobs: list[bytes], budget: _Budget, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise EncodeError("too_deep", f"more than {MAX_DEPTH} levels")
    kind = type(value)
    if value is None or kind is bool:
        budget.spend(1)
        return value
    if kind is int:
        if value.bit_length() > 4000:
            raise EncodeError("too_large", "an integer with more than 1,000 digits")
        budget.spend(8)
        return value
    if kind is float:
        budget.spend(8)
        return _float(value)
    if kind is str:
        budget.spend(len(value))
        return value
    if kind is complex:
        budget.spend(16)
        return {"c": [_float(value.real), _float(value.imag)]}
    if kind is list:
        budget.spend(1)
        return [_encode(item, blobs, budget, depth + 1) for item in value]
    if kind is tuple:
        budget.spend(1)
        return {"t": [_encode(item, blobs, budget, depth + 1) for item in value]}
    if kind is dict:
        budget.spend(1)
        pairs = []
        for key, item in value.items():
            if type(key) not in (str, int, float, bool) and key is not None:
                raise EncodeError("key", type(key).__name__)
            pairs.append([_encode(key, blobs, budget, depth + 1), _encode(item, blobs, budget, depth + 1)])
        return {"d": pairs}
    if isinstance(value, np.ndarray):
        return {"a": _array_blob(value, blobs, budget)}
    if isinstance(value, np.generic):
        return {"s": _array_blob(value, blobs, budget)}
    # Subclasses of the plain types (IntEnum, namedtuple, OrderedDict …) become the plain type.
    if isinstance(value, bool):
        return _encode(bool(value), blobs, budget, depth)
    if isinstance(value, int):
        return _encode(int.__index__(value), blobs, budget, depth)
    if isinstance(value, float):
        return _encode(float.__float__(value), blobs, budget, depth)
    if isinstance(value, str):
        return _encode(str.__str__(value), blobs, budget, depth)
    if isinstance(value, tuple):
        return _encode(tuple.__new__(tuple, value), blobs, budget, depth)
    if isinstance(value, list):
        return _encode(list(value), blobs, budget, depth)
    if isinstance(value, dict):
        return _encode(dict(value), blobs, budget, depth)
    raise EncodeError("type", kind.__name__)


def encode(value: Any, *, max_bytes: int = MAX_BYTES) -> bytes:
    """``value`` as a message (see the module docstring).

    Raises
    ------
    EncodeError
        When ``value`` holds something that is not plain data, or is too large or deep.
    """
    blobs: list[bytes] = []
    try:
        tree = _encode(value, blobs, _Budget(max_bytes), 0)
    except RecursionError:
        raise EncodeError("too_deep", "a value that contains itself") from None
    text = json.dumps(tree, allow_nan=False, separators=(",", ":")).encode("utf-8")
    parts = [MAGIC, _U32.pack(len(text)), text, _U32.pack(len(blobs))]
    for blob in blobs:
        parts += [_U64.pack(len(blob)), blob]
    return b"".join(parts)


# The header numpy.save writes for a plain array (format 1.0): read directly, it saves
# numpy.load's ast.literal_eval (most of the time of decoding a small array). Anything
# else goes through numpy.load.
_NPY_PREFIX = b"\x93NUMPY\x01\x00"
_NPY_HEADER = re.compile(r"\{'descr': '([<>|=]?[biufcUS][0-9]{1,5})', 'fortran_order': False, "
                         r"'shape': \(((?:[0-9]{1,18},)?|[0-9]{1,18}(?:, [0-9]{1,18}){1,31})\), \} *\n")


def _plain_array(blob: bytes) -> np.ndarray | None:
    """The array of a blob in numpy.save's usual form, or None to let numpy.load decide."""
    if len(blob) < 10 or blob[:8] != _NPY_PREFIX:
        return None
    start = 10 + int.from_bytes(blob[8:10], "little")
    match = _NPY_HEADER.fullmatch(blob[10:start].decode("latin-1"))
    if match is None:
        return None
    dtype = np.dtype(match.group(1))
    shape = tuple(int(size) for size in match.group(2).replace(" ", "").split(",") if size)
    count = math.prod(shape)
    if len(blob) - start != count * dtype.itemsize:
        return None
    return np.frombuffer(blob, dtype=dtype, count=count, offset=start).reshape(shape)


def _load_array(blob: bytes) -> np.ndarray:
    try:
        array = _plain_array(blob)
        if array is None:
            array = np.load(io.BytesIO(blob), allow_pickle=False)
    except Exception as error:  # a malformed blob may fail in many ways
        raise DecodeError(f"bad array: {type(error).__name__}: {error}") from None
    if not isinstance(array, np.ndarray) or array.dtype.kind not in _KINDS or array.dtype.names is not None:
        raise DecodeError("bad array type")
    return array


def _decode_float(item: Any) -> float:
    if type(item) in (int, float):
        return float(item)
    if isinstance(item, dict) and set(item) == {"f"} and item["f"] in ("nan", "inf", "-inf"):
        return float(item["f"])
    raise DecodeError("bad float")


def _decode(tree: Any, arrays: list[np.ndarray], depth: int, counter: list[int]) -> Any:
    counter[0] += 1
    if depth > MAX_DEPTH + 1 or counter[0] > MAX_NODES:
        raise DecodeError("message too deep or too large")
    if tree is None or type(tree) in (bool, int, float, str):
        return tree
    if type(tree) is list:
        return [_decode(item, arrays, depth + 1, counter) for item in tree]
    if type(tree) is not dict or len(tree) != 1:
        raise DecodeError("bad tag")
    (tag, body), = tree.items()
    if tag == "f":
        return _decode_float(tree)
    if tag == "c" and type(body) is list and len(body) == 2:
        return complex(_decode_float(body[0]), _decode_float(body[1]))
    if tag == "t" and type(body) is list:
        return tuple(_decode(item, arrays, depth + 1, counter) for item in body)
    if tag == "d" and type(body) is list:
        result = {}
        for pair in body:
            if type(pair) is not list or len(pair) != 2:
                raise DecodeError("bad dict item")
            key = _decode(pair[0], arrays, depth + 1, counter)
            if type(key) not in (str, int, float, bool) and key is not None:
                raise DecodeError("bad dict key")
            result[key] = _decode(pair[1], arrays, depth + 1, counter)
        return result
    if tag in ("a", "s") and type(body) is int and 0 <= body < len(arrays):
        array = arrays[body]
        if tag == "s":
            if array.ndim != 0:
                raise DecodeError("bad scalar")
            return array[()]
        return array.copy()
    raise DecodeError(f"bad tag {tag!r}")


def decode(data: bytes) -> Any:
    """The value of a message made by :func:`encode`.

    Raises
    ------
    DecodeError
        For anything that is not a well-formed message; nothing is ever unpickled.
    """
    view = memoryview(data)
    try:
        if bytes(view[:4]) != MAGIC:
            raise DecodeError("bad magic")
        (text_length,) = _U32.unpack_from(view, 4)
        position = 8 + text_length
        text = bytes(view[8:position])
        if len(text) != text_length:
            raise DecodeError("truncated json")
        (count,) = _U32.unpack_from(view, position)
        position += 4
        arrays = []
        for _ in range(count):
            (length,) = _U64.unpack_from(view, position)
            position += 8
            blob = bytes(view[position : position + length])
            if len(blob) != length:
                raise DecodeError("truncated array")
            position += length
            arrays.append(_load_array(blob))
        if position != len(view):
            raise DecodeError("trailing bytes")
        tree = json.loads(text.decode("utf-8"))
        return _decode(tree, arrays, 0, [0])
    except DecodeError:
        raise
    except (struct.error, ValueError, UnicodeDecodeError, RecursionError, MemoryError) as error:
        raise DecodeError(f"{type(error).__name__}: {error}") from None


def roundtrip(value: Any, *, max_bytes: int = MAX_BYTES) -> Any:
    """``value`` as the grader will see it after the trip from the worker (may raise EncodeError)."""
    return decode(encode(value, max_bytes=max_bytes))


def frame(message: bytes) -> bytes:
    """``message`` with its 8-byte length in front, for a byte stream."""
    return _U64.pack(len(message)) + message


class FrameReader:
    """Splits a byte stream into the messages of :func:`frame`, within size limits.

    Parameters
    ----------
    max_frame : int
        The largest message accepted.
    max_total : int
        The most bytes accepted over the whole stream.
    """

    def __init__(self, max_frame: int, max_total: int) -> None:
        self.max_frame = max_frame
        self.max_total = max_total
        self.total = 0
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        """The complete messages in the stream so far.

        Raises
        ------
        DecodeError
            When a message or the stream is larger than allowed.
        """
        self.total += len(data)
        if self.total > self.max_total:
            raise DecodeError(f"more than {self.max_total} bytes of results")
        self._buffer += data
        messages = []
        while len(self._buffer) >= 8:
            (length,) = _U64.unpack_from(self._buffer, 0)
            if length > self.max_frame:
                raise DecodeError(f"a message of {length} bytes (the limit is {self.max_frame})")
            if len(self._buffer) < 8 + length:
                break
            messages.append(bytes(self._buffer[8 : 8 + length]))
            del self._buffer[: 8 + length]
        return messages

    @property
    def incomplete(self) -> bool:
        """True when the stream stopped in the middle of a message."""
        return bool(self._buffer)
