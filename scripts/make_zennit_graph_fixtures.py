"""Writes zennit ε-LRP references for the ONNX fixture models into Tests/Fixtures/ONNX/.

Run by hand (never at run time, never by the test suite):
    python="$(bash scripts/python-env.sh zennit-fixtures)" && "$python" scripts/make_zennit_graph_fixtures.py
Versions are pinned in scripts/requirements/zennit-fixtures.txt (torch 2.15.0, zennit 0.5.1).

The models are the seeded PyTorch models of scripts/make_onnx_fixtures.py (imported, not
copied), built with the same seeds, inputs and targets, so the references belong to the
committed `.onnx` files. ε-LRP is the definition of ../shared/reference/README.md §4: zennit
0.5.1 `LayerMapComposite([(Activation, Pass()), (Convolution, Epsilon(ε)), (Linear,
Epsilon(ε))])` through `zennit.attribution.Gradient`, initial relevance logit ⊙ onehot(target),
ε = 1e-6 and 0.25, computed in float64 from the float32 weights, stored float32, channels-last.
Every module the composite has no rule for passes the plain gradient: BatchNorm (R·γ/σ), the
residual and averaging sums (each input receives R, times ½ for the average), the mean over
the length (R/L), max pools and `torch.max` (to the first maximum), crops, flips and flattens.

Two deliberate departures from running zennit on the PyTorch module as written, both so that
the reference is the function the `.onnx` file holds:
  basset  both ONNX exporters fold the first BatchNorm1d into the convolution before it (eval
          mode); the reference folds it the same way (W·γ/σ, (b − μ)·γ/σ + β, σ = √(var + eps)),
          so conv1 carries the ε-rule with the folded bias, as the ONNX graph's Conv does.
          The second BatchNorm (after a ReLU) cannot be folded and stays a BatchNorm.
  rc      the model applies one trunk twice; zennit's hooks keep one stored input per module, so
          the reference runs a copy whose reverse-complement branch owns copies of the modules
          (same weights): the graph the ONNX file describes, one node per call.
"""

import copy
import json
from importlib import metadata
import os
import sys

import h5py
import numpy as np
import torch
from torch import nn
from zennit.attribution import Gradient
from zennit.composites import LayerMapComposite
from zennit.rules import Epsilon, Pass
from zennit.types import Activation, Convolution, Linear

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_onnx_fixtures as fixtures  # noqa: E402  (the models, seeds and inputs)

OUT = os.path.join(fixtures.OUT, "zennit_lrp.h5")
EPSILONS = {"lrp_epsilon_1e-6": 1e-6, "lrp_epsilon_0.25": 0.25}


def lrp(model, x, targets, epsilon):
    """zennit ε-LRP of the target logit, float64, channels-first as the model takes it."""
    composite = LayerMapComposite(
        [(Activation, Pass()), (Convolution, Epsilon(epsilon=epsilon)), (Linear, Epsilon(epsilon=epsilon))])

    def attr_output(out):
        mask = torch.zeros_like(out)
        mask.scatter_(1, targets.view(-1, 1), 1.0)
        return out * mask

    with Gradient(model=model, composite=composite) as attributor:
        _, relevance = attributor(x, attr_output)
    return relevance.detach()


def folded_first_batchnorm(basset):
    """The Basset model with bn1 folded into conv1, as both ONNX exporters write it."""
    folded = copy.deepcopy(basset)
    bn = folded.bn1
    with torch.no_grad():
        scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        folded.conv1.weight.mul_(scale[:, None, None])
        folded.conv1.bias.copy_((folded.conv1.bias - bn.running_mean) * scale + bn.bias)
    folded.bn1 = nn.Identity()
    return folded.eval()


class UnsharedReverseComplement(nn.Module):
    """`ReverseComplement` with the reverse branch on its own copies of the trunk's modules."""

    def __init__(self, model):
        super().__init__()
        self.forward_branch = nn.ModuleList([model.conv, model.relu, model.fc])
        self.reverse_branch = copy.deepcopy(self.forward_branch)

    @staticmethod
    def branch(modules, x):
        conv, relu, fc = modules
        return fc(torch.max(relu(conv(x)), dim=2).values)

    def forward(self, x):
        flipped = torch.flip(x, dims=[1, 2])
        return 0.5 * (self.branch(self.forward_branch, x) + self.branch(self.reverse_branch, flipped))


def cases():
    """(name, explained float64 model, float32 inputs [N, C, ...], targets, note), as the ONNX script."""
    basset = fixtures.seeded(fixtures.Basset(), 1)
    yield ("basset", folded_first_batchnorm(basset), fixtures.dna_inputs(11),
           torch.arange(fixtures.ITEMS) % 3, "first BatchNorm folded into conv1, as exported")
    mnist = fixtures.seeded(fixtures.MNISTCNN(), 3)
    x = fixtures.image_inputs(13)
    logits = fixtures.Logits(mnist).eval()
    with torch.no_grad():
        targets = logits(x).argmax(dim=1)
    yield ("mnist", logits, x, targets, "logits before the softmax")
    bpnet = fixtures.seeded(fixtures.BPNetStyle(), 4)
    yield ("bpnet", fixtures.CountsHead(bpnet).eval(), fixtures.dna_inputs(14),
           torch.zeros(fixtures.ITEMS, dtype=torch.long), "counts head")
    rc = fixtures.seeded(fixtures.ReverseComplement(), 5)
    yield ("rc", UnsharedReverseComplement(rc).eval(), fixtures.dna_inputs(15),
           torch.zeros(fixtures.ITEMS, dtype=torch.long), "reverse branch on copied modules")


def main():
    provenance = {"torch": torch.__version__, "zennit": metadata.version("zennit")}
    with h5py.File(OUT, "w") as f:
        for name, model, x, targets, note in cases():
            model64 = copy.deepcopy(model).double().eval()
            x64 = x.double()
            with torch.no_grad():
                logits = model64(x64)
            group = f.create_group(name)
            group["inputs"] = fixtures.channels_last(x.numpy()).astype(np.float32)
            group["targets"] = targets.numpy().astype(np.int64)
            group["logits"] = logits.numpy().astype(np.float32)
            for key, epsilon in EPSILONS.items():
                relevance = lrp(model64, x64, targets, epsilon).numpy()
                group[key] = fixtures.channels_last(relevance).astype(np.float32)
                chosen = logits.gather(1, targets.view(-1, 1))[:, 0].numpy()
                provenance[f"{name} {key} max |sum R - f|"] = float(
                    np.abs(relevance.reshape(len(x), -1).sum(1) - chosen).max())
            group.attrs["note"] = note
        f.attrs["provenance"] = json.dumps(provenance, sort_keys=True)
    print(json.dumps(provenance, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
