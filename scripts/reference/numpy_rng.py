"""Reference streams of NumPy's legacy global RandomState (MT19937 + Box-Muller
polar method with a cached second Gaussian), used to check Glassbox's
NumPy-compatible RNG.

For each seed, the global generator is re-seeded with np.random.seed(seed)
before each named sequence, then:
  rand        -- 20 draws of np.random.rand(), one at a time
  randn       -- 21 draws of np.random.randn(), one at a time
  uniform     -- np.random.uniform(-3, 5, 10)
  permutation -- np.random.permutation(17)
  mixed       -- randn(3), rand(2), randn(1), normal(1.5, 0.2, 3), flattened
                 in that order (exercises the cached second Gaussian)

Writes test/fixtures/numpy-rng.json.

Needs NumPy 1.24 (Debian 12's /usr/bin/python3). From the repository root it compares with the
committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/numpy_rng.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, floats, needs, write_json  # noqa: E402

needs("numpy")
import numpy as np

SEEDS = [0, 1, 2, 42, 100, 4294967295]


def streams(seed):
    out = {"seed": seed}
    np.random.seed(seed)
    out["rand"] = [float(np.random.rand()) for _ in range(20)]
    np.random.seed(seed)
    out["randn"] = [float(np.random.randn()) for _ in range(21)]
    np.random.seed(seed)
    out["uniform"] = floats(np.random.uniform(-3, 5, 10))
    np.random.seed(seed)
    out["permutation"] = [int(v) for v in np.random.permutation(17)]
    np.random.seed(seed)
    mixed = []
    mixed += floats(np.random.randn(3))
    mixed += floats(np.random.rand(2))
    mixed += floats(np.random.randn(1))
    mixed += floats(np.random.normal(1.5, 0.2, 3))
    out["mixed"] = mixed
    return out


def main():
    doc = {
        "description": "NumPy legacy RandomState (np.random.seed) reference streams. "
                       "Each sequence starts from a fresh np.random.seed(seed).",
        "generator": "numpy " + np.__version__ + " legacy global RandomState",
        "sequences": {
            "rand": "20 x np.random.rand(), one call each",
            "randn": "21 x np.random.randn(), one call each",
            "uniform": "np.random.uniform(-3, 5, 10)",
            "permutation": "np.random.permutation(17)",
            "mixed": "concatenation of np.random.randn(3), np.random.rand(2), "
                     "np.random.randn(1), np.random.normal(1.5, 0.2, 3)",
        },
        "seeds": [streams(s) for s in SEEDS],
    }
    write_json("test/fixtures/numpy-rng.json", doc, indent=1)


if __name__ == "__main__":
    main()
    finish()
