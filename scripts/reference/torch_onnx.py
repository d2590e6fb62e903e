"""ONNX graphs written by torch.onnx.export (IR 7, opset 13) for the import tests, with
PyTorch's predictions, and onnx.checker's verdict on the graphs Glassbox exports:

  torch-mlp.onnx      Linear(3,6) ReLU Linear(6,4) Tanh Linear(4,1) Sigmoid   (Gemm nodes)
  torch-softmax.onnx  Linear(2,5) Sigmoid Linear(5,3) Softmax(dim=1), float64
  torch-matmul.onnx   x @ W + b, ReLU, Linear(4,2)                          (MatMul + Add)
  torch-leaky.onnx    Linear(2,3) LeakyReLU Linear(3,1)                     (refused: LeakyRelu)

Writes test/fixtures/interop/torch-*.onnx and torch-expected.json; then checks every
test/fixtures/interop/glassbox-*.onnx with onnx.checker (full check, shape inference) and
writes the verdicts to glassbox-onnx-checked.json.

Needs NumPy 1.24, PyTorch 1.13, onnx 1.12 (Debian 12's /usr/bin/python3). From the repository root
it compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/torch_onnx.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import ROOT, finish, fixture, needs, write_json  # noqa: E402

needs("numpy", "torch", "onnx")
import glob
import os

import numpy as np
import onnx
import torch
from torch import nn

OUT = os.path.join(ROOT, "test", "fixtures", "interop")
torch.manual_seed(0)
expected = {"versions": {"torch": torch.__version__, "onnx": onnx.__version__}}


def export(name, model, X):
    model.eval()
    path = fixture(os.path.join(OUT, f"torch-{name}.onnx"))
    torch.onnx.export(model, X[:1], path, opset_version=13, input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    m = onnx.load(path)
    onnx.checker.check_model(m)
    with torch.no_grad():
        y = model(X)
    expected[name] = {"X": X.tolist(), "predict": y.tolist(), "irVersion": m.ir_version,
                      "opset": m.opset_import[0].version, "ops": [n.op_type for n in m.graph.node]}


class MatMulAdd(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.randn(3, 4) * 0.5)
        self.b = nn.Parameter(torch.randn(4) * 0.1)
        self.out = nn.Linear(4, 2)

    def forward(self, x):
        return self.out(torch.relu(x @ self.W + self.b))


X3 = torch.randn(6, 3)
X2 = torch.randn(6, 2)
export("mlp", nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid()), X3)
export("softmax", nn.Sequential(nn.Linear(2, 5), nn.Sigmoid(), nn.Linear(5, 3), nn.Softmax(dim=1)).double(), X2.double())
export("matmul", MatMulAdd(), X3)
export("leaky", nn.Sequential(nn.Linear(2, 3), nn.LeakyReLU(), nn.Linear(3, 1)), X2)
write_json(os.path.join(OUT, "torch-expected.json"), expected, end="")

checked = {"onnx": onnx.__version__}
for path in sorted(glob.glob(os.path.join(OUT, "glassbox-*.onnx"))):
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(m, strict_mode=True)
    out = inferred.graph.output[0].type.tensor_type
    checked[os.path.basename(path)] = {
        "irVersion": m.ir_version, "opset": m.opset_import[0].version, "ok": True,
        "ops": [n.op_type for n in m.graph.node],
        "outputShape": [d.dim_param or d.dim_value for d in out.shape.dim],
        "metadata": {p.key: p.value for p in m.metadata_props},
    }
write_json(os.path.join(OUT, "glassbox-onnx-checked.json"), checked, end="", indent=1)
print("wrote", [k for k in expected if k != "versions"], "checked", [k for k in checked if k != "onnx"])
finish()
