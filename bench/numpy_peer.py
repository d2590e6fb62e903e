"""The NumPy peer of `glassbox bench`: the NumPy walkthrough's from-scratch network
("numpy-deep-network-moons": features x samples, np.dot, relu/sigmoid, mean or summed
gradients, plain full-batch gradient descent), timed on workloads sent by the bench.

Reads one JSON object on stdin:
  {"workloads": [{"name", "layers": [{"W": [[..]], "b": [..], "activation"}],
                  "X": [[..] (samples x features)], "Y": [[..] (samples x outputs)],
                  "learningRate", "reduction": "mean" | "sum",
                  "epochs" (or "seconds": a time per repeat to choose epochs for, with
                  "maxEpochs"), "repeats", "predict": [[..]] (optional grid)}]}
and writes one JSON object on stdout:
  {"numpy": version, "workloads": [{"name", "epochs", "secondsPerEpoch": [per repeat],
   "loss": loss after `epochs` epochs from the given init, "predictSeconds": [...]}]}
Every repeat starts again from the given parameters, so every repeat does the same work.
"""
import json
import sys
import time

import numpy as np


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


FORWARD = {"relu": relu, "sigmoid": sigmoid}
BACKWARD = {"relu": relu_backward, "sigmoid": sigmoid_backward}


def full_forward_propagation(X, params, acts):
    memory = []
    A_curr = X
    for (W, b), act in zip(params, acts):
        A_prev = A_curr
        Z_curr = np.dot(W, A_prev) + b
        A_curr = FORWARD[act](Z_curr)
        memory.append((A_prev, Z_curr))
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


def full_backward_propagation(Y_hat, Y, memory, params, acts, mean):
    grads = [None] * len(params)
    dA_prev = -(np.divide(Y, Y_hat) - np.divide(1 - Y, 1 - Y_hat))
    for idx in reversed(range(len(params))):
        A_prev, Z_curr = memory[idx]
        W_curr = params[idx][0]
        m = A_prev.shape[1] if mean else 1
        dZ_curr = BACKWARD[acts[idx]](dA_prev, Z_curr)
        dW_curr = np.dot(dZ_curr, A_prev.T) / m
        db_curr = np.sum(dZ_curr, axis=1, keepdims=True) / m
        dA_prev = np.dot(W_curr.T, dZ_curr)
        grads[idx] = (dW_curr, db_curr)
    return grads


def update(params, grads, lr):
    for (W, b), (dW, db) in zip(params, grads):
        W -= lr * dW
        b -= lr * db


def train(X, Y, init, acts, epochs, lr, mean):
    params = [(W.copy(), b.copy()) for W, b in init]
    cost_history, accuracy_history = [], []
    for _ in range(epochs):
        Y_hat, memory = full_forward_propagation(X, params, acts)
        cost_history.append(get_cost_value(Y_hat, Y))
        accuracy_history.append(get_accuracy_value(Y_hat, Y))
        grads = full_backward_propagation(Y_hat, Y, memory, params, acts, mean)
        update(params, grads, lr)
    return params


def run(w):
    X = np.array(w["X"], dtype=np.float64).T.copy()  # the walkthrough works features x samples
    Y = np.array(w["Y"], dtype=np.float64).T.copy()
    init = [(np.array(l["W"], dtype=np.float64), np.array(l["b"], dtype=np.float64).reshape(-1, 1)) for l in w["layers"]]
    acts = [l["activation"] for l in w["layers"]]
    lr = float(w["learningRate"])
    mean = w.get("reduction", "mean") == "mean"
    if "epochs" in w:
        epochs = int(w["epochs"])
        train(X, Y, init, acts, 2, lr, mean)
    else:
        # warm up while finding how many epochs take about w["seconds"]
        probe = 1
        while True:
            t0 = time.perf_counter()
            train(X, Y, init, acts, probe, lr, mean)
            took = time.perf_counter() - t0
            if took > 0.05 or probe >= int(w.get("maxEpochs", 10**6)):
                break
            probe *= 4
        epochs = max(1, min(int(w.get("maxEpochs", 10**6)), round(float(w["seconds"]) * probe / took)))
    seconds = []
    params = None
    for _ in range(int(w.get("repeats", 1))):
        t0 = time.perf_counter()
        params = train(X, Y, init, acts, epochs, lr, mean)
        seconds.append((time.perf_counter() - t0) / epochs)
    Y_hat, _ = full_forward_propagation(X, params, acts)
    out = {"name": w["name"], "epochs": epochs, "secondsPerEpoch": seconds, "loss": float(get_cost_value(Y_hat, Y))}
    if w.get("predict") is not None:
        G = np.array(w["predict"], dtype=np.float64).T.copy()
        full_forward_propagation(G, params, acts)
        times = []
        for _ in range(int(w.get("repeats", 1))):
            t0 = time.perf_counter()
            full_forward_propagation(G, params, acts)
            times.append(time.perf_counter() - t0)
        out["predictSeconds"] = times
    return out


def main():
    spec = json.load(sys.stdin)
    results = [run(w) for w in spec["workloads"]]
    json.dump({"numpy": np.__version__, "workloads": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
