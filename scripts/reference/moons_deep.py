"""Reference run of the "numpy-deep-network-moons" article's plain-NumPy network,
reproducing the article's code exactly (examples/moons-deep.json):

  * architecture 2-25-50-50-25-1, relu hidden layers, sigmoid output;
  * init_layers(seed=2): np.random.seed(2), then for each layer in order
    W = randn(out, in) * 0.1 followed by b = randn(out, 1) * 0.1;
  * full-batch gradient descent on the TRAIN rows of examples/data/moons.csv
    (900 rows, features x1, x2, target y), features x samples orientation;
  * cost = -1/m (Y.log(Yhat)^T + (1-Y).log(1-Yhat)^T), accuracy with > 0.5;
  * backward: dA = -(Y/Yhat - (1-Y)/(1-Yhat)), sigmoid_backward,
    relu_backward (dZ[Z <= 0] = 0), dW = dZ.A_prev^T / m, db = sum(dZ) / m;
  * update W -= lr dW, b -= lr db with lr = 0.01, for 10,000 epochs.

Epoch k's cost/accuracy is history index k-1, measured on the parameters
*before* that epoch's update. Params are written W as out x in, b flat.

Writes test/fixtures/moons-deep-reference.json (in about a minute).

Needs NumPy 1.24 (Debian 12's /usr/bin/python3). From the repository root it compares with the
committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/moons_deep.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import ROOT, finish, floats, needs, write_json  # noqa: E402

needs("numpy")
import csv
import json
import os
import time

import numpy as np

CSV = os.path.join(ROOT, "examples", "data", "moons.csv")

NN_ARCHITECTURE = [
    {"input_dim": 2, "output_dim": 25, "activation": "relu"},
    {"input_dim": 25, "output_dim": 50, "activation": "relu"},
    {"input_dim": 50, "output_dim": 50, "activation": "relu"},
    {"input_dim": 50, "output_dim": 25, "activation": "relu"},
    {"input_dim": 25, "output_dim": 1, "activation": "sigmoid"},
]
EPOCHS = 10000
LEARNING_RATE = 0.01
MARK_EPOCHS = [1, 2, 3, 10, 100, 1000, 5000, 10000]
SNAPSHOT_EPOCHS = [1, 100]  # params after these epochs' updates


# ---- the article's functions, unchanged in substance ----

def init_layers(nn_architecture, seed=99):
    np.random.seed(seed)
    params_values = {}
    for idx, layer in enumerate(nn_architecture):
        layer_idx = idx + 1
        layer_input_size = layer["input_dim"]
        layer_output_size = layer["output_dim"]
        params_values['W' + str(layer_idx)] = np.random.randn(
            layer_output_size, layer_input_size) * 0.1
        params_values['b' + str(layer_idx)] = np.random.randn(
            layer_output_size, 1) * 0.1
    return params_values


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def relu(Z):
    return np.maximum(0, Z)


def sigmoid_backward(dA, Z):
    sig = sigmoid(Z)
    return dA * sig * (1 - sig)


def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def single_layer_forward_propagation(A_prev, W_curr, b_curr, activation="relu"):
    Z_curr = np.dot(W_curr, A_prev) + b_curr
    if activation == "relu":
        activation_func = relu
    elif activation == "sigmoid":
        activation_func = sigmoid
    else:
        raise Exception('Non-supported activation function')
    return activation_func(Z_curr), Z_curr


def full_forward_propagation(X, params_values, nn_architecture):
    memory = {}
    A_curr = X
    for idx, layer in enumerate(nn_architecture):
        layer_idx = idx + 1
        A_prev = A_curr
        activ_function_curr = layer["activation"]
        W_curr = params_values["W" + str(layer_idx)]
        b_curr = params_values["b" + str(layer_idx)]
        A_curr, Z_curr = single_layer_forward_propagation(A_prev, W_curr, b_curr, activ_function_curr)
        memory["A" + str(idx)] = A_prev
        memory["Z" + str(layer_idx)] = Z_curr
    return A_curr, memory


def get_cost_value(Y_hat, Y):
    m = Y_hat.shape[1]
    cost = -1 / m * (np.dot(Y, np.log(Y_hat).T) + np.dot(1 - Y, np.log(1 - Y_hat).T))
    return np.squeeze(cost)


def convert_prob_into_class(probs):
    probs_ = np.copy(probs)
    probs_[probs_ > 0.5] = 1
    probs_[probs_ <= 0.5] = 0
    return probs_


def get_accuracy_value(Y_hat, Y):
    Y_hat_ = convert_prob_into_class(Y_hat)
    return (Y_hat_ == Y).all(axis=0).mean()


def single_layer_backward_propagation(dA_curr, W_curr, b_curr, Z_curr, A_prev, activation="relu"):
    m = A_prev.shape[1]
    if activation == "relu":
        backward_activation_func = relu_backward
    elif activation == "sigmoid":
        backward_activation_func = sigmoid_backward
    else:
        raise Exception('Non-supported activation function')
    dZ_curr = backward_activation_func(dA_curr, Z_curr)
    dW_curr = np.dot(dZ_curr, A_prev.T) / m
    db_curr = np.sum(dZ_curr, axis=1, keepdims=True) / m
    dA_prev = np.dot(W_curr.T, dZ_curr)
    return dA_prev, dW_curr, db_curr


def full_backward_propagation(Y_hat, Y, memory, params_values, nn_architecture):
    grads_values = {}
    Y = Y.reshape(Y_hat.shape)
    dA_prev = - (np.divide(Y, Y_hat) - np.divide(1 - Y, 1 - Y_hat))
    for layer_idx_prev, layer in reversed(list(enumerate(nn_architecture))):
        layer_idx_curr = layer_idx_prev + 1
        activ_function_curr = layer["activation"]
        dA_curr = dA_prev
        A_prev = memory["A" + str(layer_idx_prev)]
        Z_curr = memory["Z" + str(layer_idx_curr)]
        W_curr = params_values["W" + str(layer_idx_curr)]
        b_curr = params_values["b" + str(layer_idx_curr)]
        dA_prev, dW_curr, db_curr = single_layer_backward_propagation(
            dA_curr, W_curr, b_curr, Z_curr, A_prev, activ_function_curr)
        grads_values["dW" + str(layer_idx_curr)] = dW_curr
        grads_values["db" + str(layer_idx_curr)] = db_curr
    return grads_values


def update(params_values, grads_values, nn_architecture, learning_rate):
    for idx, layer in enumerate(nn_architecture):
        layer_idx = idx + 1
        params_values["W" + str(layer_idx)] -= learning_rate * grads_values["dW" + str(layer_idx)]
        params_values["b" + str(layer_idx)] -= learning_rate * grads_values["db" + str(layer_idx)]
    return params_values


# ---- harness ----

def layers_of(params_values):
    return [{"W": floats(params_values["W%d" % k]), "b": floats(params_values["b%d" % k].ravel())}
            for k in range(1, len(NN_ARCHITECTURE) + 1)]


def load(split):
    X, y = [], []
    with open(CSV, newline="") as f:
        for row in csv.DictReader(f):
            if row["split"] == split:
                X.append([float(row["x1"]), float(row["x2"])])
                y.append(float(row["y"]))
    # the article works features x samples
    return np.array(X).T, np.array(y).reshape(1, -1)


def main():
    X, Y = load("train")
    X_test, Y_test = load("test")
    params_values = init_layers(NN_ARCHITECTURE, 2)
    initial = layers_of(params_values)
    cost_history, accuracy_history, snapshots = [], [], {}
    t0 = time.perf_counter()
    for i in range(EPOCHS):
        Y_hat, cashe = full_forward_propagation(X, params_values, NN_ARCHITECTURE)
        cost_history.append(float(get_cost_value(Y_hat, Y)))
        accuracy_history.append(float(get_accuracy_value(Y_hat, Y)))
        grads_values = full_backward_propagation(Y_hat, Y, cashe, params_values, NN_ARCHITECTURE)
        params_values = update(params_values, grads_values, NN_ARCHITECTURE, LEARNING_RATE)
        if i + 1 in SNAPSHOT_EPOCHS:
            snapshots[str(i + 1)] = layers_of(params_values)
    elapsed = time.perf_counter() - t0

    Y_hat, _ = full_forward_propagation(X, params_values, NN_ARCHITECTURE)
    Y_test_hat, _ = full_forward_propagation(X_test, params_values, NN_ARCHITECTURE)
    doc = {
        "description": "numpy-deep-network-moons article code, exact: seed-2 init (W then b per layer, "
                       "randn*0.1), full-batch GD lr 0.01, 10000 epochs, mean BCE, on the 900 train rows "
                       "of examples/data/moons.csv. Epoch k = history index k-1 (before that epoch's update).",
        "numpy": np.__version__,
        "architecture": NN_ARCHITECTURE,
        "learningRate": LEARNING_RATE,
        "epochs": EPOCHS,
        "trainRows": int(X.shape[1]),
        "testRows": int(X_test.shape[1]),
        "marks": [{"epoch": e, "cost": cost_history[e - 1], "accuracy": accuracy_history[e - 1]}
                  for e in MARK_EPOCHS],
        "costEvery100": {"epochs": list(range(1, EPOCHS + 1, 100)),
                         "costs": cost_history[0::100]},
        "initialLayers": initial,
        "paramsAfter": snapshots,
        "layers": layers_of(params_values),
        "final": {
            "trainCost": float(get_cost_value(Y_hat, Y)),
            "trainAccuracy": float(get_accuracy_value(Y_hat, Y)),
            "testCost": float(get_cost_value(Y_test_hat, Y_test)),
            "testAccuracy": float(get_accuracy_value(Y_test_hat, Y_test)),
        },
        "secondsPerEpochInfo": elapsed / EPOCHS,
    }
    write_json("test/fixtures/moons-deep-reference.json", doc)
    print(json.dumps({"marks": doc["marks"], "final": doc["final"],
                      "secondsPerEpoch": doc["secondsPerEpochInfo"]}, indent=1))


if __name__ == "__main__":
    main()
    finish()
