"""What the reference scripts share: where they write and how they compare, what they need to run,
and the few pieces of code several of them use (at the end of this file).

Every script in this folder computes reference numbers with NumPy, SciPy, scikit-learn or
PyTorch and writes them as fixtures under test/fixtures/, which the tests read (the tests never
run Python). By default a script writes into a fresh temporary folder and then compares each
file with the committed one, printing "same" (or "same to 1e-14 relative": rounding) or where
they differ (exit code 1 if any differ),
so running a script never changes the repository. With `--update` it writes the committed
fixtures themselves.

The interpreter: Debian 12's /usr/bin/python3 (Python 3.11) with its packages python3-numpy
(NumPy 1.24), python3-scipy (SciPy 1.10), python3-sklearn (scikit-learn 1.2) and, for the
PyTorch scripts, python3-torch (PyTorch 1.13) and python3-onnx (onnx 1.12); the fixtures were
written with those. Other versions usually work, and the comparison then shows what changed.

    /usr/bin/python3 scripts/reference/NAME.py            # compare with the committed fixtures
    /usr/bin/python3 scripts/reference/NAME.py --update   # rewrite the committed fixtures
"""
import json
import math
import os
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

UPDATE = "--update" in sys.argv[1:]
if UPDATE:
    sys.argv.remove("--update")

# Relative differences up to this are rounding (another BLAS or summation order), not a change;
# the tests compare with tolerances of 1e-12 or wider.
ROUNDING = 1e-13

_tmp = None
_written = []

# Debian 12's versions, with which the committed fixtures were written.
TESTED = {"numpy": "1.24", "scipy": "1.10", "sklearn": "1.2", "torch": "1.13", "onnx": "1.12"}
DEBIAN = {"numpy": "python3-numpy", "scipy": "python3-scipy", "sklearn": "python3-sklearn",
          "torch": "python3-torch", "onnx": "python3-onnx"}


def needs(*modules):
    """Imports the modules a script needs and prints the versions in use; names the package to install when one is missing."""
    import importlib

    found = []
    for name in modules:
        try:
            mod = importlib.import_module(name)
        except ImportError:
            sys.exit(f"{os.path.basename(sys.argv[0])} needs {name}: use Debian's /usr/bin/python3 with "
                     f"apt-get install {DEBIAN.get(name, name)} (written with {name} {TESTED.get(name, '?')})")
        version = getattr(mod, "__version__", "?")
        note = "" if version.startswith(TESTED.get(name, version)) else f" (the fixtures were written with {TESTED[name]})"
        found.append(f"{name} {version}{note}")
    print(f"Python {sys.version.split()[0]} ({sys.executable}); " + ", ".join(found))


def fixture(path):
    """The path to write for the committed file `path` (absolute, or relative to the repository root):
    the file itself with --update, else the same name in a temporary folder (compared by finish())."""
    global _tmp
    committed = os.path.normpath(os.path.join(ROOT, path))
    if UPDATE:
        target = committed
    else:
        if _tmp is None:
            _tmp = tempfile.mkdtemp(prefix="glassbox-reference-")
        target = os.path.join(_tmp, os.path.relpath(committed, ROOT))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if (committed, target) not in _written:
        _written.append((committed, target))
    return target


def _differences(a, b, path, out):
    """Appends (path, description, relative difference) for every place where b differs from a."""
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
            out.append((path, f"{json.dumps(a)[:40]} became {json.dumps(b)[:40]}", math.inf))
        elif isinstance(a, dict):
            for k in sorted(set(a) | set(b)):
                if "seconds" in k.lower():
                    continue  # timings are for information, never the same twice
                if k not in b:
                    out.append((f"{path}.{k}", "missing now", math.inf))
                elif k not in a:
                    out.append((f"{path}.{k}", "new", math.inf))
                else:
                    _differences(a[k], b[k], f"{path}.{k}", out)
        elif isinstance(a, list):
            if len(a) != len(b):
                out.append((path, f"{len(a)} items became {len(b)}", math.inf))
            for i, (x, y) in enumerate(zip(a, b)):
                _differences(x, y, f"{path}[{i}]", out)
        elif a != b:
            out.append((path, f"{json.dumps(a)[:40]} became {json.dumps(b)[:40]}", math.inf))
        return
    if a == b or (math.isnan(a) and math.isnan(b)):
        return
    rel = abs(a - b) / max(abs(a), abs(b)) if math.isfinite(a) and math.isfinite(b) else math.inf
    out.append((path, f"{a!r} became {b!r}", rel))


def compare(committed, written):
    """One line per file: the same, or how it differs from the committed one."""
    name = os.path.relpath(committed, ROOT)
    if not os.path.exists(committed):
        return False, f"{name}: new (not committed yet)"
    with open(committed, "rb") as f:
        old = f.read()
    with open(written, "rb") as f:
        new = f.read()
    if old == new:
        return True, f"{name}: same"
    if not committed.endswith(".json"):
        return False, f"{name}: differs ({len(old)} bytes committed, {len(new)} now)"
    try:
        a, b = json.loads(old), json.loads(new)
    except ValueError:
        return False, f"{name}: differs (not JSON)"
    diffs = []
    _differences(a, b, "$", diffs)
    if not diffs:
        return True, f"{name}: same values (formatting differs)"
    worst = max(diffs, key=lambda d: d[2])
    if worst[2] <= ROUNDING:
        return True, f"{name}: same to {worst[2]:.2g} relative ({len(diffs)} values differ in the last digits: summation order)"
    numeric = [d for d in diffs if math.isfinite(d[2])]
    text = f"{name}: {len(diffs)} values differ"
    if numeric:
        text += f", the largest relative difference {max(d[2] for d in numeric):.3g}"
    shown = "; ".join(f"{p}: {d}" for p, d, _ in [worst] + [d for d in diffs if d is not worst][:2])
    return False, f"{text} ({shown})"


def finish():
    """After a script wrote its files: with --update, says what it wrote; else compares each with the committed fixture."""
    if UPDATE:
        for committed, _ in _written:
            print("wrote", os.path.relpath(committed, ROOT))
        return
    same = True
    for committed, written in _written:
        if not os.path.exists(written):
            continue
        ok, line = compare(committed, written)
        same = same and ok
        print(line)
    if same:
        if _tmp is not None:
            shutil.rmtree(_tmp, ignore_errors=True)
        return
    print(f"(nothing in the repository changed; the new files are in {_tmp}; rerun with --update to commit them as the fixtures)")
    sys.exit(1)


def write_json(path, doc, end="\n", **options):
    """Writes `doc` as the fixture `path` (see fixture()): json.dump with `options`, then `end`."""
    with open(fixture(path), "w") as f:
        json.dump(doc, f, **options)
        f.write(end)


# ---- code several scripts use (NumPy and scikit-learn are imported when called: after needs()) ----

def floats(a):
    """An array or nested lists as lists of Python floats (a vector as a list, a matrix as its rows)."""
    return [floats(v) for v in a] if hasattr(a, "__len__") else float(a)


def sigmoid(x):
    import numpy as np

    return 1 / (1 + np.exp(-x))


def two_layers(X, W1, b1, W2, b2, hidden, output):
    """A two-layer network's forward pass, samples x units with W out x in: Z1 = X W1^T + b1,
    A1 = hidden(Z1), Z2 = A1 W2^T + b2, A2 = output(Z2); returns (Z1, A1, Z2, A2)."""
    Z1 = X @ W1.T + b1
    A1 = hidden(Z1)
    Z2 = A1 @ W2.T + b2
    return Z1, A1, Z2, output(Z2)


def example(name):
    """examples/NAME.json with its inline data and a two-layer network's initial parameters as NumPy
    arrays: (the parsed file, X, y as a column, [W1, b1, W2, b2])."""
    import numpy as np

    with open(os.path.join(ROOT, "examples", name)) as f:
        ex = json.load(f)
    X = np.array(ex["data"]["X"], dtype=float)
    y = np.array(ex["data"]["y"], dtype=float).reshape(-1, 1)
    params = [np.array(layer[k], dtype=float) for layer in ex["init"]["params"] for k in ("W", "b")]
    return ex, X, y, params


def sklearn_layers(coefs, intercepts):
    """scikit-learn's coefs_ (in x out) and intercepts_ as Glassbox layers: W out x in, b flat."""
    return [{"W": floats(c.T), "b": floats(b)} for c, b in zip(coefs, intercepts)]


def recording_mlp(**params):
    """MLPClassifier(**params) fitted by L-BFGS that remembers its initial coefs_ and intercepts_
    (init_coefs_, init_intercepts_) and its objective there, the first one L-BFGS asks for (first_loss_)."""
    from sklearn.neural_network import MLPClassifier

    class RecordingMLP(MLPClassifier):
        def _fit_lbfgs(self, X, y, *args, **kwargs):
            self.init_coefs_ = [c.copy() for c in self.coefs_]
            self.init_intercepts_ = [b.copy() for b in self.intercepts_]
            self.first_loss_ = None
            return super()._fit_lbfgs(X, y, *args, **kwargs)

        def _loss_grad_lbfgs(self, *args, **kwargs):
            loss, grad = super()._loss_grad_lbfgs(*args, **kwargs)
            if self.first_loss_ is None:
                self.first_loss_ = float(loss)
            return loss, grad

    return RecordingMLP(**params)
