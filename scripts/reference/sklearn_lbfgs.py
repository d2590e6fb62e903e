"""scikit-learn MLPClassifier(solver='lbfgs', hidden_layer_sizes=(2,),
activation='logistic', max_iter=1000) reference runs, as in the articles
"one-feature-from-scratch" and "hidden-layer-transforms":

  (a) "oneFeature": the 12 points of examples/one-feature.json, unscaled;
  (b) "gaussianGroups": the article's gaussian groups (see gaussian_groups.py),
      standardised with StandardScaler.

For random_state in 0..9 and alpha in [0.0001 (sklearn's default), 0.0]:
loss_ (sklearn's objective: mean log-loss + alpha/(2n) * sum of squared
weights, biases excluded), n_iter_, train accuracy, the initial params
(sklearn's Glorot-uniform init from RandomState(random_state):
bound = sqrt(2/(fan_in+fan_out)) for logistic; per layer uniform(-bound, bound,
(fan_in, fan_out)) then uniform(-bound, bound, fan_out)) and the final params.
Params are written W out x in (sklearn's coefs_ transposed), b flat.
initialLoss is sklearn's objective at the initial params (first L-BFGS call).
Also the lowest loss_ over the random states for each alpha.

Results depend on SciPy's L-BFGS-B (versions are recorded).

Writes test/fixtures/sklearn-lbfgs-reference.json.

Needs NumPy 1.24, SciPy 1.10, scikit-learn 1.2 (Debian 12's /usr/bin/python3). From the repository
root it compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/sklearn_lbfgs.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import example, finish, needs, recording_mlp, sklearn_layers, write_json  # noqa: E402

needs("numpy", "scipy", "sklearn")
import warnings

import numpy as np
import scipy
from scipy.special import expit
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import StandardScaler

from gaussian_groups import make_gaussian_groups  # noqa: E402

RANDOM_STATES = list(range(10))
ALPHAS = [0.0001, 0.0]


def own_objective(X, y, coefs, intercepts, alpha):
    """Independent NumPy evaluation of sklearn's objective (for a self-check)."""
    A = X
    for c, b in zip(coefs, intercepts):
        A = expit(A @ c + b)
    p = np.clip(A.ravel(), np.finfo(float).eps, 1 - np.finfo(float).eps)
    n = X.shape[0]
    log_loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / n
    return log_loss + 0.5 * alpha * sum(float(np.sum(c * c)) for c in coefs) / n


def run(X, y):
    runs = []
    best = {}
    for alpha in ALPHAS:
        for rs in RANDOM_STATES:
            clf = recording_mlp(solver="lbfgs", hidden_layer_sizes=(2,), activation="logistic",
                                max_iter=1000, alpha=alpha, random_state=rs)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                clf.fit(X, y)
            converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
            check = own_objective(X, y, clf.coefs_, clf.intercepts_, alpha)
            assert abs(check - clf.loss_) <= 1e-9 * max(1.0, abs(clf.loss_)), (check, clf.loss_)
            check0 = own_objective(X, y, clf.init_coefs_, clf.init_intercepts_, alpha)
            assert abs(check0 - clf.first_loss_) <= 1e-12, (check0, clf.first_loss_)
            runs.append({
                "randomState": rs,
                "alpha": alpha,
                "loss": float(clf.loss_),
                "nIter": int(clf.n_iter_),
                "converged": converged,
                "accuracy": float(clf.score(X, y)),
                "initialLoss": clf.first_loss_,
                "initialLayers": sklearn_layers(clf.init_coefs_, clf.init_intercepts_),
                "layers": sklearn_layers(clf.coefs_, clf.intercepts_),
            })
        mine = [r for r in runs if r["alpha"] == alpha]
        b = min(mine, key=lambda r: r["loss"])
        best[repr(alpha)] = {"alpha": alpha, "loss": b["loss"], "randomState": b["randomState"],
                             "accuracy": b["accuracy"]}
    return {"runs": runs, "best": best}


def main():
    ex, X1, _, _ = example("one-feature.json")
    y1 = np.array(ex["data"]["y"], dtype=int)
    Xg, yg = make_gaussian_groups()
    Xg = StandardScaler().fit_transform(Xg)

    doc = {
        "description": "MLPClassifier(solver='lbfgs', hidden_layer_sizes=(2,), activation='logistic', "
                       "max_iter=1000, alpha=ALPHA, random_state=RS), RS in 0..9, ALPHA in [1e-4, 0]. "
                       "loss = sklearn loss_ = mean log-loss + alpha/(2n) * sum W^2 (no biases). "
                       "W out x in, b flat. 'best' maps repr(alpha) to the lowest loss_ over random states.",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "optimizer": "scipy.optimize.minimize(method='L-BFGS-B', jac=True, options={maxiter: 1000, "
                     "maxfun: 15000, gtol: tol=1e-4}); scipy defaults otherwise (maxcor 10, "
                     "ftol 2.220446049250313e-09, maxls 20). x0 packs coefs (in x out, row-major) then intercepts.",
        "oneFeature": dict(data="examples/one-feature.json X, y (unscaled)", **run(X1, y1)),
        "gaussianGroups": dict(data="gaussian-groups-reference.json Xscaled, y", **run(Xg, yg)),
    }
    write_json("test/fixtures/sklearn-lbfgs-reference.json", doc)
    for key in ("oneFeature", "gaussianGroups"):
        print(key)
        for r in doc[key]["runs"]:
            print("  alpha=%-6g rs=%d loss=%.10g nIter=%d acc=%.3f conv=%s"
                  % (r["alpha"], r["randomState"], r["loss"], r["nIter"], r["accuracy"], r["converged"]))
        print("  best", doc[key]["best"])


if __name__ == "__main__":
    main()
    finish()
