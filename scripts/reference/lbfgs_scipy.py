"""SciPy L-BFGS-B iterates, for checking that src/nn/lbfgs.ts follows them.

For each problem: scipy.optimize.minimize(method="L-BFGS-B") with no bounds,
maxcor 10, maxls 20, and the problem's gtol / ftol (ftol is SciPy's option, i.e.
factr * machine epsilon); x and f after every iteration (callback), nit, nfev,
the final f and message. Problems:

  rosenbrock2:  chained Rosenbrock, n = 2, from (-1.2, 1)
  rosenbrock10: chained Rosenbrock, n = 10, from (-1.2, 1, -1.2, 1, ...)
  quadratic20:  f = x'Ax/2 - b'x, n = 20, A = M'M + 0.01 I, M[i, j] = sin(1.7 (20 i + j) + 0.3)
                (condition number ~1e4), b = A x*, x*_i = 2 cos(i) - 0.5, from x = 0, gtol 1e-7,
                ftol 0 (A and b are stored)
  circles:      a 2-3-1 sigmoid network, mean binary cross-entropy on 400 points
                (X, Y and the 13 start parameters are stored; layout W1 (3x2 row-major),
                b1 (3), W2 (1x3), b2 (1)), run at gtol 1e-4 and 1e-5

Also "lineSearch": MINPACK-2 dcsrch (the line search L-BFGS-B calls), driven
through scipy.optimize.minpack2 (or, on SciPy 1.17 and later, which removed it, through its
Python translation scipy.optimize._dcsrch), on the six test functions of More & Thuente
(1994) from several first steps: every trial step, the final step and task.

Writes test/fixtures/lbfgs-scipy-reference.json; the circles data is read from the existing
fixture unless another file is given.

Needs NumPy 1.24, SciPy 1.10 (Debian 12's /usr/bin/python3). From the repository root it compares
with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/lbfgs_scipy.py [--update] [path/to/circles.json]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import ROOT, finish, needs, sigmoid, two_layers, write_json  # noqa: E402

needs("numpy", "scipy")
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy.optimize import minimize

OUT = "test/fixtures/lbfgs-scipy-reference.json"


def rosenbrock(x):
    f = 0.0
    g = np.zeros_like(x)
    for i in range(len(x) - 1):
        a = x[i + 1] - x[i] * x[i]
        b = 1 - x[i]
        f += 100 * a * a + b * b
        g[i] += -400 * x[i] * a - 2 * b
        g[i + 1] += 200 * a
    return f, g


def quadratic_problem(n, ridge):
    M = np.sin(1.7 * np.arange(n * n) + 0.3).reshape(n, n)
    A = M.T @ M + ridge * np.eye(n)
    x_star = 2 * np.cos(np.arange(n)) - 0.5
    b = A @ x_star
    return A, b


def circles_fg(X, Y):
    def fg(p):
        W1 = p[0:6].reshape(3, 2)
        b1 = p[6:9]
        W2 = p[9:12].reshape(1, 3)
        b2 = p[12:13]
        _, A1, Z2, A2 = two_layers(X, W1, b1, W2, b2, sigmoid, sigmoid)
        z = Z2[:, 0]
        n = len(Y)
        f = np.mean(Y * np.logaddexp(0, -z) + (1 - Y) * np.logaddexp(0, z))
        dZ2 = (A2[:, 0] - Y)[:, None] / n
        dW2 = dZ2.T @ A1
        db2 = dZ2.sum(0)
        dZ1 = (dZ2 @ W2) * A1 * (1 - A1)
        dW1 = dZ1.T @ X
        db1 = dZ1.sum(0)
        return float(f), np.concatenate([dW1.ravel(), db1, dW2.ravel(), db2])

    return fg


def run(fg, x0, gtol, ftol, maxiter=15000):
    xs, fs = [], []

    def callback(xk):
        xs.append([float(v) for v in xk])
        fs.append(float(fg(np.array(xk))[0]))

    r = minimize(fg, np.array(x0, dtype=float), jac=True, method="L-BFGS-B", callback=callback,
                 options=dict(maxcor=10, maxls=20, gtol=gtol, ftol=ftol, maxiter=maxiter, maxfun=15000))
    return {
        "gtol": gtol,
        "ftol": ftol,
        "x0": [float(v) for v in x0],
        "iterX": xs,
        "iterF": fs,
        "nit": int(r.nit),
        "nfev": int(r.nfev),
        "finalF": float(r.fun),
        "finalX": [float(v) for v in r.x],
        "message": r.message if isinstance(r.message, str) else r.message.decode(),
    }


# ---- Moré–Thuente test functions (paper, section 5) ----
def mt_functions():
    def f1(a, beta=2.0):
        return -a / (a * a + beta), (a * a - beta) / (a * a + beta) ** 2

    def f2(a, beta=0.004):
        return (a + beta) ** 5 - 2 * (a + beta) ** 4, 5 * (a + beta) ** 4 - 8 * (a + beta) ** 3

    def f3(a, beta=0.01, l=39):
        if a <= 1 - beta:
            p, dp = 1 - a, -1.0
        elif a >= 1 + beta:
            p, dp = a - 1, 1.0
        else:
            p, dp = (a - 1) ** 2 / (2 * beta) + beta / 2, (a - 1) / beta
        c = 2 * (1 - beta) / (l * math.pi)
        return p + c * math.sin(l * math.pi * a / 2), dp + (1 - beta) * math.cos(l * math.pi * a / 2)

    def yanai(b1, b2):
        g1 = math.sqrt(1 + b1 * b1) - b1
        g2 = math.sqrt(1 + b2 * b2) - b2

        def f(a):
            u = math.sqrt((1 - a) ** 2 + b2 * b2)
            v = math.sqrt(a * a + b1 * b1)
            return g1 * u + g2 * v, -g1 * (1 - a) / u + g2 * a / v

        return f

    return [
        ("1", f1, 1e-3, 1e-1),
        ("2", f2, 1e-1, 1e-1),
        ("3", f3, 1e-1, 1e-1),
        ("4", yanai(0.001, 0.001), 1e-3, 1e-3),
        ("5", yanai(0.01, 0.001), 1e-3, 1e-3),
        ("6", yanai(0.001, 0.01), 1e-3, 1e-3),
    ]


def dcsrch_run(phi, stp, ftol, gtol, xtol, stpmin, stpmax, max_evals=30):
    """Drives MINPACK-2's dcsrch by reverse communication: the Fortran routine through
    scipy.optimize.minpack2 (SciPy < 1.15; deprecated, removed in 1.17), else its Python
    translation scipy.optimize._dcsrch.DCSRCH (SciPy >= 1.11), the same steps."""
    try:
        from scipy.optimize import minpack2  # deprecated namespace; still the Fortran dcsrch

        fortran = minpack2.dcsrch  # SciPy 1.17 keeps the namespace, without dcsrch: AttributeError
        isave = np.zeros(2, dtype=np.intc)
        dsave = np.zeros(13, dtype=float)

        def iterate(stp, f, g, task):
            return fortran(stp, f, g, ftol, gtol, xtol, task, stpmin, stpmax, isave, dsave)
    except (ImportError, AttributeError):
        try:
            from scipy.optimize._dcsrch import DCSRCH
        except ImportError:
            sys.exit(f"SciPy {scipy.__version__} has neither scipy.optimize.minpack2 nor scipy.optimize._dcsrch: "
                     "use Debian's /usr/bin/python3 with python3-scipy (SciPy 1.10), or SciPy 1.11 or later")
        search = DCSRCH(lambda a: phi(a)[0], lambda a: phi(a)[1], ftol, gtol, xtol, stpmin, stpmax)

        def iterate(stp, f, g, task):
            return search._iterate(stp, f, g, task)

    f, g = phi(0.0)
    task = b"START"
    trials = []
    for _ in range(max_evals + 1):
        stp, f, g, task = iterate(stp, f, g, task)
        t = task.tobytes().decode() if hasattr(task, "tobytes") else str(task, "ascii") if isinstance(task, bytes) else str(task)
        t = t.strip()
        if t.startswith("FG"):
            if len(trials) >= max_evals:
                break
            trials.append(float(stp))
            f, g = phi(stp)
            task = b"FG"
        else:
            break
    return {"trials": trials, "stp": float(stp), "task": t}


def main():
    warnings.simplefilter("ignore", DeprecationWarning)
    circles_src = sys.argv[1] if len(sys.argv) > 1 else None
    if circles_src:
        c = json.load(open(circles_src))
        circles = {"n": c["n"], "X": c["X"], "Y": c["Y"], "params": c["params"]}
    else:
        circles = json.load(open(os.path.join(ROOT, OUT)))["problems"]["circles"]["data"]

    problems = {}
    problems["rosenbrock2"] = run(rosenbrock, [-1.2, 1.0], 1e-5, 2.220446049250313e-09)
    problems["rosenbrock10"] = run(rosenbrock, [-1.2 if i % 2 == 0 else 1.0 for i in range(10)],
                                   1e-5, 2.220446049250313e-09)
    A, b = quadratic_problem(20, 0.01)
    qa = run(lambda x: (float(0.5 * x @ A @ x - b @ x), A @ x - b), np.zeros(20), 1e-7, 0.0, maxiter=200)
    qa["A"] = [float(v) for v in A.ravel()]
    qa["b"] = [float(v) for v in b]
    problems["quadratic20"] = qa
    X = np.array(circles["X"], dtype=float).reshape(circles["n"], 2)
    Y = np.array(circles["Y"], dtype=float)
    fg = circles_fg(X, Y)
    problems["circles"] = {
        "data": circles,
        "runs": [run(fg, circles["params"], gtol, 2.220446049250313e-09, maxiter=1000) for gtol in (1e-4, 1e-5)],
    }

    line = []
    for name, phi, ftol, gtol in mt_functions():
        for a0 in (1e-3, 1e-1, 1e1, 1e3):
            r = dcsrch_run(phi, a0, ftol, gtol, 0.1, 0.0, 1e10)
            r.update({"function": name, "stp0": a0, "ftol": ftol, "gtol": gtol, "xtol": 0.1,
                      "stpmin": 0.0, "stpmax": 1e10})
            line.append(r)

    out = {
        "generator": "scripts/reference/lbfgs_scipy.py",
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
        "problems": problems,
        "lineSearch": line,
    }
    write_json(OUT, out, indent=None, separators=(",", ":"))
    for k, v in problems.items():
        for r in v["runs"] if k == "circles" else [v]:
            print(k, r["gtol"], "nit", r["nit"], "nfev", r["nfev"], "f", r["finalF"], r["message"])
    for r in line:
        print("MT", r["function"], r["stp0"], len(r["trials"]), r["stp"], r["task"])


if __name__ == "__main__":
    main()
    finish()
