"""Plain data across the sandbox boundary: JSON + .npy, never pickle."""

from __future__ import annotations

import io
import math
import pickle
from collections import OrderedDict, namedtuple

import numpy as np
import pytest

from course.grader.codec import DecodeError, EncodeError, FrameReader, decode, encode, frame, roundtrip


def test_round_trip_keeps_types_values_and_dtypes():
    value = {
        "none": None, "bool": True, "int": -3, "big": 2**70, "float": 0.1, "nan": float("nan"),
        "inf": -math.inf, "complex": 1 + 2j, "str": "åäö", "list": [1, [2.5]], "tuple": (1, (2,)),
        "array": np.arange(6, dtype=np.int32).reshape(2, 3), "bools": np.array([True, False]),
        "strings": np.array(["a", "bc"]), "scalar": np.float32(1.5), 7: "int key", (1, 2): "tuple key",
    }
    with pytest.raises(EncodeError):
        encode(value)  # a tuple key is not plain data
    del value[(1, 2)]
    back = decode(encode(value))
    assert set(back) == set(value)
    assert math.isnan(back["nan"]) and back["inf"] == -math.inf and back["big"] == 2**70
    assert type(back["tuple"]) is tuple and type(back["tuple"][1]) is tuple and type(back["list"]) is list
    assert back["array"].dtype == np.int32 and back["array"].shape == (2, 3)
    np.testing.assert_array_equal(back["strings"], value["strings"])
    assert type(back["scalar"]) is np.float32 and back["scalar"] == 1.5
    assert back["complex"] == 1 + 2j and back[7] == "int key"


def test_subclasses_become_the_plain_type():
    Point = namedtuple("Point", "x y")

    class Tagged(np.ndarray):
        pass

    back = roundtrip([Point(1, 2), OrderedDict(a=1), np.array([[1.0, 2.0]]).view(Tagged)])
    assert back[0] == (1, 2) and type(back[0]) is tuple
    assert type(back[1]) is dict and type(back[2]) is np.ndarray and back[2].shape == (1, 2)


@pytest.mark.parametrize("value, kind", [
    (object(), "type"),
    (np.array([object()]), "dtype"),
    (np.zeros(2, dtype=[("a", float)]), "dtype"),
    (lambda: 1, "type"),
    ((x for x in range(2)), "type"),
    (b"bytes", "type"),
    ({object(): 1}, "key"),
])
def test_anything_that_is_not_plain_data_is_refused(value, kind):
    with pytest.raises(EncodeError) as error:
        encode(value)
    assert error.value.kind == kind


def test_size_and_depth_are_limited():
    with pytest.raises(EncodeError) as error:
        encode(np.zeros(1000), max_bytes=1000)
    assert error.value.kind == "too_large"
    nested: list = []
    inner = nested
    for _ in range(100):
        inner.append([])
        inner = inner[0]
    with pytest.raises(EncodeError) as error:
        encode(nested)
    assert error.value.kind == "too_deep"
    loop: list = []
    loop.append(loop)
    with pytest.raises(EncodeError):
        encode(loop)


def test_decode_never_unpickles(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("pickle was used")

    monkeypatch.setattr(pickle, "loads", forbidden)
    monkeypatch.setattr(pickle, "load", forbidden)
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"evil": 1}], dtype=object), allow_pickle=True)
    blob = buffer.getvalue()
    text = b'{"a":0}'
    message = b"NNC1" + len(text).to_bytes(4, "big") + text + (1).to_bytes(4, "big") + len(blob).to_bytes(8, "big") + blob
    with pytest.raises(DecodeError, match="bad array"):
        decode(message)


@pytest.mark.parametrize("data", [
    b"", b"XXXX", b"NNC1\x00\x00\x00\x05{}", encode([1]) + b"extra", encode([1])[:-1],
    b"NNC1\x00\x00\x00\x09{\"q\": 1}\x00\x00\x00\x00", b"NNC1\x00\x00\x00\x07{\"a\":3}\x00\x00\x00\x00",
    b"NNC1\x00\x00\x00\x02[[\x00\x00\x00\x00", b"NNC1\x00\x00\x00\x01\xff\x00\x00\x00\x00",
])
def test_malformed_messages_are_decode_errors(data):
    with pytest.raises(DecodeError):
        decode(data)


def test_frame_reader_splits_a_stream_and_enforces_limits():
    messages = [encode(i) for i in range(3)]
    stream = b"".join(frame(m) for m in messages)
    reader = FrameReader(max_frame=1000, max_total=10_000)
    got = []
    for start in range(0, len(stream), 5):
        got += reader.feed(stream[start:start + 5])
    assert [decode(m) for m in got] == [0, 1, 2] and not reader.incomplete
    with pytest.raises(DecodeError, match="a message of 2000 bytes"):
        FrameReader(max_frame=1000, max_total=10_000).feed((2000).to_bytes(8, "big"))
    with pytest.raises(DecodeError, match="more than 10 bytes"):
        FrameReader(max_frame=1000, max_total=10).feed(b"x" * 11)
