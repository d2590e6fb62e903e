"""Runs the training script `glassbox export --to pytorch` wrote for
test/fixtures/interop/pytorch-experiment.json (committed as pytorch-train.py; the test checks
the exporter still writes it) with PyTorch, keeping every epoch's loss and the trained model:

    test/fixtures/interop/pytorch-history.json   {"epoch": [...], "loss": [...]}
    test/fixtures/interop/pytorch-trained.onnx   what the script exports (glassbox import reads it)

Rerun from the repository root (after `npx glassbox export --to pytorch
test/fixtures/interop/pytorch-experiment.json --out test/fixtures/interop/pytorch-train.py`):
    python3 scripts/reference/pytorch_export.py

Needs Python 3 with PyTorch 1.13, onnx 1.12 (Debian 12's /usr/bin/python3 with python3-torch, python3-onnx). It writes into a
temporary folder and compares with the committed fixtures, changing nothing; `--update`
rewrites them (scripts/reference/fixtures.py):
    /usr/bin/python3 scripts/reference/pytorch_export.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, fixture, needs  # noqa: E402  (temporary folder or --update; versions)

needs("torch", "onnx")
import os
import subprocess

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(ROOT, "test", "fixtures", "interop")
subprocess.run([sys.executable, "-B", os.path.join(DIR, "pytorch-train.py"),
                "--history", fixture(os.path.join(DIR, "pytorch-history.json")),
                "--out", fixture(os.path.join(DIR, "pytorch-trained.onnx"))], check=True)
print("torch", torch.__version__)
finish()
