"""Runs the training script `glassbox export --to pytorch` wrote for
test/fixtures/interop/pytorch-experiment.json (committed as pytorch-train.py; the test checks
the exporter still writes it) with PyTorch, keeping every epoch's loss and the trained model:

    test/fixtures/interop/pytorch-history.json   {"epoch": [...], "loss": [...]}
    test/fixtures/interop/pytorch-trained.onnx   what the script exports (glassbox import reads it)

Run it after `npx glassbox export --to pytorch test/fixtures/interop/pytorch-experiment.json
--out test/fixtures/interop/pytorch-train.py` when the exporter changes.

Needs PyTorch 1.13, onnx 1.12 (Debian 12's /usr/bin/python3). From the repository root it compares
with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/pytorch_export.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import ROOT, finish, fixture, needs  # noqa: E402

needs("torch", "onnx")
import os
import subprocess

import torch

DIR = os.path.join(ROOT, "test", "fixtures", "interop")
subprocess.run([sys.executable, "-B", os.path.join(DIR, "pytorch-train.py"),
                "--history", fixture(os.path.join(DIR, "pytorch-history.json")),
                "--out", fixture(os.path.join(DIR, "pytorch-trained.onnx"))], check=True)
print("torch", torch.__version__)
finish()
