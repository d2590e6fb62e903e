"""Runs the training script `glassbox export --to pytorch` wrote for
test/fixtures/interop/pytorch-experiment.json (committed as pytorch-train.py; the test checks
the exporter still writes it) with PyTorch, keeping every epoch's loss and the trained model:

    test/fixtures/interop/pytorch-history.json   {"epoch": [...], "loss": [...]}
    test/fixtures/interop/pytorch-trained.onnx   what the script exports (glassbox import reads it)

Rerun from the repository root (after `npx glassbox export --to pytorch
test/fixtures/interop/pytorch-experiment.json --out test/fixtures/interop/pytorch-train.py`):
    python3 scripts/reference/pytorch_export.py
"""
import os
import subprocess
import sys

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(ROOT, "test", "fixtures", "interop")
subprocess.run([sys.executable, "-B", os.path.join(DIR, "pytorch-train.py"),
                "--history", os.path.join(DIR, "pytorch-history.json"),
                "--out", os.path.join(DIR, "pytorch-trained.onnx")], check=True)
print("torch", torch.__version__)
