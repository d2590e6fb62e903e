"""Fitted scikit-learn MLPs written as the JSON `glassbox import --from sklearn` reads
(the few lines of `glassbox_json` below are the ones the README gives), with their
predictions on held-out rows:

  binary      MLPClassifier((5, 3), relu) behind a StandardScaler, string classes
  multiclass  MLPClassifier((8,), tanh) on iris behind a StandardScaler
  multilabel  MLPClassifier((6,), logistic) on 3 labels at once (indicator targets)
  regression  MLPRegressor((10, 10), relu), one output
  regression2 MLPRegressor((4,), identity), two outputs, behind a StandardScaler

Writes test/fixtures/interop/sklearn-NAME.json (the model) and
test/fixtures/interop/sklearn-expected.json (X, predict_proba / predict per case).

Needs NumPy 1.24, scikit-learn 1.2 (Debian 12's /usr/bin/python3). From the repository root it
compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/sklearn_mlp.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, fixture, needs, write_json  # noqa: E402

needs("numpy", "sklearn")
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_iris, make_moons, make_multilabel_classification, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

OUT = "test/fixtures/interop"
warnings.filterwarnings("ignore", category=ConvergenceWarning)


# --- what the README gives -------------------------------------------------
def glassbox_json(model, path):
    """Writes a fitted MLPClassifier / MLPRegressor (or a Pipeline ending in one,
    optionally starting with a StandardScaler) as JSON for `glassbox import --from sklearn`."""
    steps = model.steps if isinstance(model, Pipeline) else [(None, model)]
    mlp, scaler = steps[-1][1], steps[0][1] if len(steps) > 1 else None
    doc = {
        "type": type(mlp).__name__,
        "coefs_": [c.tolist() for c in mlp.coefs_],
        "intercepts_": [b.tolist() for b in mlp.intercepts_],
        "activation": mlp.activation,
        "out_activation_": mlp.out_activation_,
        "n_features_in_": int(mlp.n_features_in_),
        "hidden_layer_sizes": [int(h) for h in np.atleast_1d(mlp.hidden_layer_sizes)],
    }
    if hasattr(mlp, "classes_"):
        doc["classes_"] = mlp.classes_.tolist()
    if scaler is not None:
        doc["scaler"] = {"mean_": scaler.mean_.tolist(), "scale_": scaler.scale_.tolist()}
    if hasattr(model, "feature_names_in_"):
        doc["feature_names_in_"] = model.feature_names_in_.tolist()
    with open(path, "w") as f:
        json.dump(doc, f)
# ---------------------------------------------------------------------------


def split(X, y, n_test):
    return X[:-n_test], y[:-n_test], X[-n_test:], y[-n_test:]


expected = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}}


def record(name, model, X_test, proba):
    glassbox_json(model, fixture(os.path.join(OUT, f"sklearn-{name}.json")))
    entry = {"X": X_test.tolist(), "predict": model.predict(X_test).tolist()}
    if proba:
        entry["predict_proba"] = model.predict_proba(X_test).tolist()
    expected[name] = entry


# binary, string labels, scaled
X, y = make_moons(300, noise=0.25, random_state=1)
X = X * [3.0, 0.5] + [10.0, -2.0]
labels = np.where(y == 1, "yes", "no")
Xtr, ytr, Xte, _ = split(X, labels, 40)
m = make_pipeline(StandardScaler(), MLPClassifier((5, 3), activation="relu", max_iter=2000, random_state=0))
m.fit(Xtr, ytr)
record("binary", m, Xte, True)

# multi-class: iris, scaled
iris = load_iris()
order = np.random.RandomState(0).permutation(len(iris.target))
X, y = iris.data[order], iris.target[order]
Xtr, ytr, Xte, _ = split(X, y, 30)
m = make_pipeline(StandardScaler(), MLPClassifier((8,), activation="tanh", max_iter=3000, random_state=0))
m.fit(Xtr, ytr)
record("multiclass", m, Xte, True)

# multi-label: indicator targets, logistic hidden layer, unscaled
X, Y = make_multilabel_classification(200, n_features=4, n_classes=3, random_state=2)
Xtr, Ytr, Xte, _ = split(X, Y, 30)
m = MLPClassifier((6,), activation="logistic", max_iter=3000, random_state=0).fit(Xtr, Ytr)
record("multilabel", m, Xte, True)

# regression, one output
X, y = make_regression(200, n_features=3, noise=5.0, random_state=3)
Xtr, ytr, Xte, _ = split(X, y, 30)
m = MLPRegressor((10, 10), activation="relu", max_iter=3000, random_state=0).fit(Xtr, ytr)
record("regression", m, Xte, False)

# regression, two outputs, identity hidden layer, scaled
X, Y = make_regression(200, n_features=2, n_targets=2, noise=1.0, random_state=4)
X = X * [100.0, 0.01]
Xtr, Ytr, Xte, _ = split(X, Y, 30)
m = make_pipeline(StandardScaler(), MLPRegressor((4,), activation="identity", max_iter=3000, random_state=0)).fit(Xtr, Ytr)
record("regression2", m, Xte, False)

write_json(os.path.join(OUT, "sklearn-expected.json"), expected, end="")


# --- the README's loader: a JSON of this format (glassbox export --to sklearn) back into scikit-learn
def from_glassbox_json(path):
    """An MLPClassifier / MLPRegressor (in a Pipeline after a StandardScaler, if the JSON has one)
    that predicts with the JSON's weights; for predicting only (fit would start afresh)."""
    from sklearn.preprocessing import LabelBinarizer
    with open(path) as f:
        d = json.load(f)
    Estimator = MLPClassifier if d["type"] == "MLPClassifier" else MLPRegressor
    mlp = Estimator(hidden_layer_sizes=d["hidden_layer_sizes"], activation=d["activation"])
    mlp.coefs_ = [np.array(c, dtype=float) for c in d["coefs_"]]
    mlp.intercepts_ = [np.array(b, dtype=float) for b in d["intercepts_"]]
    mlp.n_features_in_, mlp.n_layers_ = d["n_features_in_"], len(d["coefs_"]) + 1
    mlp.n_outputs_, mlp.out_activation_ = len(d["intercepts_"][-1]), d["out_activation_"]
    if "classes_" in d:
        multilabel = d["out_activation_"] == "logistic" and mlp.n_outputs_ > 1
        mlp._label_binarizer = LabelBinarizer().fit(np.eye(mlp.n_outputs_, dtype=int) if multilabel else d["classes_"])
        mlp.classes_ = mlp._label_binarizer.classes_
    if "scaler" not in d:
        return mlp
    scaler = StandardScaler()
    scaler.mean_, scaler.scale_ = np.array(d["scaler"]["mean_"]), np.array(d["scaler"]["scale_"])
    scaler.n_features_in_ = d["n_features_in_"]
    return make_pipeline(scaler, mlp)


# Every fixture loads back through it and predicts exactly what the fitted model did.
for name in ["binary", "multiclass", "multilabel", "regression", "regression2"]:
    back = from_glassbox_json(fixture(os.path.join(OUT, f"sklearn-{name}.json")))
    X = np.array(expected[name]["X"])
    assert np.array_equal(back.predict(X), np.array(expected[name]["predict"])), name
    if "predict_proba" in expected[name]:
        assert np.array_equal(back.predict_proba(X), np.array(expected[name]["predict_proba"])), name
print("from_glassbox_json: every fixture predicts the same")
finish()
