import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from nnlib import MLP, Conv2D, Flatten, MaxPool2D, ReLU, Sequential, Dense, load, save


def test_save_load_round_trip(tmp_path):
    model = MLP([3, 6, 2], activation="tanh", output="softmax", rng=0)
    path = save(model, tmp_path / "model")
    assert path.name == "model.npz"
    assert path.stat().st_mode & 0o777 == 0o644
    again = load(path)
    X = np.random.default_rng(1).normal(size=(4, 3))
    np.testing.assert_array_equal(again.forward(X), model.forward(X))
    assert repr(again) == repr(model)


def test_cnn_round_trip(tmp_path):
    model = Sequential([Conv2D(1, 2, 3, padding=1, rng=0), ReLU(), MaxPool2D(2), Flatten(), Dense(2 * 4 * 4, 3, rng=1)])
    X = np.random.default_rng(2).normal(size=(2, 1, 8, 8))
    np.testing.assert_array_equal(load(save(model, tmp_path / "cnn.npz")).forward(X), model.forward(X))


def test_file_is_plain_npz_without_pickle(tmp_path):
    path = save(MLP([2, 2], rng=0), tmp_path / "m.npz")
    with np.load(path, allow_pickle=False) as data:
        config = json.loads(data["__nnlib_config__"].tobytes())
    assert config["format"] == "nnlib-model" and config["layers"][0]["class"] == "Dense"


def test_truncated_file_gives_clear_error(tmp_path):
    path = save(MLP([4, 8, 2], rng=0), tmp_path / "m.npz")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ValueError, match="load: expected an nnlib model file .* is damaged or of another kind"):
        load(path)


def test_foreign_files_give_clear_errors(tmp_path):
    text = tmp_path / "notes.npz"
    text.write_text("not a model")
    with pytest.raises(ValueError, match="is damaged or of another kind"):
        load(text)
    other = tmp_path / "other.npz"
    np.savez(other, a=np.ones(3))
    with pytest.raises(ValueError, match="is an .npz file but not an nnlib model"):
        load(other)
    with pytest.raises(FileNotFoundError, match="load: no model file at"):
        load(tmp_path / "missing.npz")


def test_mismatched_weights_are_refused(tmp_path):
    path = save(MLP([2, 3], rng=0), tmp_path / "m.npz")
    with np.load(path) as data:
        arrays = dict(data)
    arrays["0.W"] = np.ones((5, 5))
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match=r"does not match its own description: .*expected 0.W of shape \(3, 2\)"):
        load(path)


def test_interrupted_save_keeps_previous_file(tmp_path, monkeypatch):
    path = save(MLP([2, 3], rng=0), tmp_path / "m.npz")
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        save(MLP([2, 3], rng=1), path)
    assert path.read_bytes() == before
    assert [p.name for p in Path(tmp_path).iterdir()] == ["m.npz"]  # no temporary file left


# --- a model file can never hurt the machine that loads it -------------------------------------

BOMB_DOUBLES = 25_000_000  # 200 MB once unpacked, from a file of about 1 MB


def _write_zip_bomb(path: Path, config: dict, shape: tuple[int, ...]) -> Path:
    """An .npz whose 0.W member is a deflated stream of zeros declaring ``shape`` float64."""
    raw_config = np.frombuffer(json.dumps(config).encode(), dtype=np.uint8)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("__nnlib_config__.npy", "w") as member:
            np.lib.format.write_array(member, raw_config)
        with archive.open("0.W.npy", "w", force_zip64=True) as member:
            np.lib.format.write_array_header_2_0(member, {"descr": "<f8", "fortran_order": False, "shape": shape})
            chunk, remaining = bytes(1 << 20), int(np.prod(shape)) * 8
            while remaining > 0:
                member.write(chunk[: min(remaining, len(chunk))])
                remaining -= len(chunk)
        with archive.open("0.b.npy", "w") as member:
            np.lib.format.write_array(member, np.zeros(shape[0] if len(shape) == 2 else 3))
    return path


def _dense_config(n_in: int, n_out: int) -> dict:
    return {"format": "nnlib-model", "version": 1,
            "layers": [{"class": "Dense", "config": {"n_in": n_in, "n_out": n_out, "init": "he"}}]}


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    # The description says (3, 2) but the array header says 25 million numbers.
    lying = _write_zip_bomb(folder / "lying.npz", _dense_config(2, 3), (BOMB_DOUBLES,))
    # Description and header agree on 5_000 x 5_000 weights: honest, but 200 MB.
    honest = _write_zip_bomb(folder / "honest.npz", _dense_config(5_000, 5_000), (5_000, 5_000))
    return lying, honest


LOAD_UNDER_A_MEMORY_LIMIT = r"""
import resource, sys, time
import nnlib
# Allow this process only 100 MB more address space than it has now: reading the
# 200 MB array (or building the 200 MB layer) would fail with a MemoryError.
size_kb = int(open("/proc/self/status").read().split("VmSize:")[1].split()[0])
limit = size_kb * 1024 + 100 * 2**20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.perf_counter()
try:
    nnlib.load(sys.argv[1], max_bytes=int(sys.argv[2]))
except ValueError as error:
    print(f"{time.perf_counter() - start:.3f}")
    print(error)
except MemoryError:
    print("MemoryError")
else:
    print("loaded")
"""


def _load_in_limited_process(path: Path, max_bytes: int) -> tuple[float, str]:
    result = subprocess.run(
        [sys.executable, "-c", LOAD_UNDER_A_MEMORY_LIMIT, str(path), str(max_bytes)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) >= 2, (result.stdout, result.stderr)
    return float(lines[0]), lines[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and RLIMIT_AS")
def test_zip_bomb_is_refused_fast_without_allocating(bombs):
    lying, honest = bombs
    assert lying.stat().st_size < 2 * 2**20
    seconds, message = _load_in_limited_process(lying, 2**30)
    assert seconds < 1.0
    assert re.search(r"does not match its own description: expected 0.W of shape \(3, 2\), but received shape "
                     r"\(25000000,\)", message), message
    # An honest file over the limit is refused from its description alone, before any layer exists.
    seconds, message = _load_in_limited_process(honest, 50 * 2**20)
    assert seconds < 1.0
    assert re.search(r"expected at most max_bytes=52,428,800 bytes of weights, but layer 0 \(Dense\) brings "
                     r"the total to 200,040,000 bytes", message), message


def test_array_headers_are_read_before_data(tmp_path, monkeypatch):
    """No array data is read at all when a header disagrees with the description."""
    path = save(MLP([2, 3], rng=0), tmp_path / "m.npz")
    with np.load(path) as data:
        arrays = dict(data)
    arrays["0.W"] = np.zeros((4, 2))
    np.savez(path, **arrays)
    monkeypatch.setattr(np.lib.format, "read_array", None)  # load must not need numpy's reader
    monkeypatch.setattr(np, "frombuffer", _refuse_frombuffer)
    with pytest.raises(ValueError, match=r"expected 0.W of shape \(3, 2\), but received shape \(4, 2\)"):
        load(path)


def _refuse_frombuffer(*args, **kwargs):
    raise AssertionError("array data was read before its header was checked")


def test_max_bytes_lets_a_trusted_big_model_load(tmp_path):
    model = MLP([100, 100], rng=0)  # 10,100 weights = 80,800 bytes
    path = save(model, tmp_path / "m.npz")
    with pytest.raises(ValueError, match=r"expected at most max_bytes=80,000 bytes of weights"):
        load(path, max_bytes=80_000)
    np.testing.assert_array_equal(load(path, max_bytes=80_800).params["0.W"], model.params["0.W"])
    with pytest.raises(ValueError, match="load: expected max_bytes to be an integer >= 1, but received 0"):
        load(path, max_bytes=0)


def test_damaged_zip_structures_give_value_errors(tmp_path):
    good = save(MLP([2, 3, 1], rng=0), tmp_path / "good.npz").read_bytes()
    rng = np.random.default_rng(0)
    for trial in range(60):
        data = bytearray(good)
        for position in rng.integers(0, len(data), size=2):  # two byte flips anywhere
            data[position] ^= int(rng.integers(1, 256))
        path = tmp_path / f"flipped{trial}.npz"
        path.write_bytes(bytes(data))
        try:
            load(path)
        except ValueError as error:
            assert str(error).startswith("load: "), error
        # A flip inside a weight's bytes leaves a valid file with other weights: loading it is fine.


# --- save is atomic and tidy -----------------------------------------------------------------

SAVE_FOREVER = r"""
import sys
import nnlib
model = nnlib.MLP([1000, 1000], rng=0)  # 8 MB of weights
print("ready", flush=True)
i = 0
while True:
    i += 1
    model.params["0.b"][:] = i
    nnlib.save(model, sys.argv[1])
"""


def _child(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(Path(__file__).parents[1])},
    )


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_save_killed_at_random_moments_leaves_a_loadable_file_or_none(tmp_path):
    path = tmp_path / "m.npz"
    rng = np.random.default_rng(0)
    for _ in range(5):
        child = _child(SAVE_FOREVER, str(path))
        try:
            assert child.stdout.readline().strip() == "ready"
            time.sleep(float(rng.uniform(0.05, 0.6)))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
        if path.exists():
            model = load(path)
            bias = model.params["0.b"]
            assert model.n_params() == 1000 * 1000 + 1000
            assert np.all(bias == bias[0]) and bias[0] >= 0  # one whole save, not a mix of two
    save(MLP([2, 1], rng=0), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"], "the next save leaves no temporary behind"


HANG_IN_SAVE = r"""
import sys, time
import numpy as np
import nnlib

def savez_then_hang(f, **arrays):
    f.write(b"half a model")
    f.flush()
    print("writing", flush=True)
    time.sleep(60)

np.savez = savez_then_hang
nnlib.save(nnlib.MLP([2, 3], rng=0), sys.argv[1])
"""


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_next_save_removes_temporaries_of_killed_saves_only(tmp_path):
    path = save(MLP([2, 3], rng=0), tmp_path / "m.npz")
    before = path.read_bytes()
    child = _child(HANG_IN_SAVE, str(path))
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert path.read_bytes() == before  # the killed save did not touch the file
    orphans = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(orphans) == 1 and orphans[0].startswith(f".m.npz.{child.pid}."), orphans
    # A temporary from an older nnlib (no process id), two hours old: stale as well.
    old_style = tmp_path / ".m.npz.k2j4h5g6.tmp"
    old_style.write_bytes(b"x")
    os.utime(old_style, (time.time() - 7200, time.time() - 7200))
    # A temporary of a writer that is still running (our parent process) is left alone.
    in_progress = tmp_path / f".m.npz.{os.getppid()}.abcdefgh.tmp"
    in_progress.write_bytes(b"x")
    # A temporary of another file is none of this save's business.
    other = tmp_path / f".n.npz.{child.pid}.abcdefgh.tmp"
    other.write_bytes(b"x")
    save(MLP([2, 3], rng=1), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["m.npz", in_progress.name, other.name])


def test_save_flushes_the_folder_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        synced.append(("fsync", stat.S_ISDIR(os.fstat(fd).st_mode)))
        real_fsync(fd)

    def replace(src, dst):
        synced.append(("replace", None))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    save(MLP([2, 3], rng=0), tmp_path / "m.npz")
    assert synced == [("fsync", False), ("replace", None), ("fsync", True)]


def test_save_and_load_check_their_arguments(tmp_path):
    with pytest.raises(TypeError, match=r"save: expected model to be a Sequential .*, but received NoneType None"):
        save(None, tmp_path / "m.npz")
    with pytest.raises(TypeError, match=r"save: expected path to be a file name .*, but received NoneType None"):
        save(MLP([2, 3], rng=0), None)
    with pytest.raises(TypeError, match=r"load: expected path to be a file name .*, but received int 5"):
        load(5)
    with pytest.raises(ValueError, match=r"load: expected path to be a model file, but received .* which is a folder"):
        load(tmp_path)
