"""Writes the ONNX importer's reference fixtures into Tests/Fixtures/ONNX/.

Run by hand (never at run time, never by the test suite):
    python="$(bash scripts/python-env.sh onnx-fixtures)" && "$python" scripts/make_onnx_fixtures.py
Versions are pinned in scripts/requirements/onnx-fixtures.txt (torch 2.15.0, captum 0.9.0,
onnx 1.23.2, onnxscript 0.7.2).

Small seeded PyTorch models, untrained (weights from torch.manual_seed), each exported with
`torch.onnx.export` twice: the TorchScript-based exporter (`dynamo=False`) and `dynamo=True`.
Reference files follow ../shared/reference/README.md: every array channels-last (DNA
[N, L, 4] in A, C, G, T order; images [N, H, W, C]), attributions of the target logit (the
output before any final softmax) computed by Captum in float64 from the float32 weights and
stored as float32.

  chains (mapped onto today's engine):
    basset    [N, 4, L] -> Conv1d+BatchNorm1d+ReLU+MaxPool1d -> Conv1d+ReLU+BatchNorm1d+MaxPool1d
              -> Flatten -> Linear+ReLU -> Dropout -> Linear (3 logits); both exporters fold
              the first BatchNorm into its convolution and keep the second
              (BatchNormalization node)
    deepbind  [N, 4, L] -> Conv1d+ReLU -> max over the length (ReduceMax; torch.max(dim) routes
              a tied maximum's gradient to one element, as the engine does, where amax
              would split it) -> Linear+ReLU -> Linear (1 logit)
    mnist     [N, 1, 28, 28] -> Conv2d+ReLU x2 -> MaxPool2d -> Flatten -> Linear+ReLU -> Linear ->
              Softmax (the references explain the 10 logits before the softmax)
  graphs (for when the engine takes graphs):
    bpnet     dilated residual convolutions (Add), a profile head (Conv1d -> crop -> flatten) and a
              counts head (mean over the length -> Linear); references explain the counts head
    rc        a forward and a reverse-complement branch through one shared trunk, averaged
    upsample  depthwise and grouped (dilated) Conv1d, a strided Conv1d then ConvTranspose1d
              (stride 2, padding 1, output padding 1, dilation 2) back to the input length,
              x[:, 0] (Gather of a channel, the second head), sum and mean over the length
              (ReduceSum, ReduceMean; opset 18 moved their axes to an input) and x[..., 32]
              (Gather of a position), concatenated -> Linear (2 logits, the first head)

`python scripts/make_onnx_fixtures.py NAME…` writes only the named models (and updates their
entries in provenance.json); without names it writes all of them.
"""

import json
import os
import sys

import h5py
import numpy as np
import onnx
import torch
from captum.attr import (
    DeepLift,
    Deconvolution,
    GuidedBackprop,
    InputXGradient,
    IntegratedGradients,
    LayerAttribution,
    LayerGradCam,
    Saliency,
)
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "ONNX")
LENGTH = 64
ITEMS = 8


class Basset(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(4, 8, 7, padding=3)
        self.bn1 = nn.BatchNorm1d(8)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool1d(2)
        self.conv2 = nn.Conv1d(8, 8, 5)
        self.bn2 = nn.BatchNorm1d(8)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool1d(2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(8 * 14, 16)
        self.relu3 = nn.ReLU()
        self.dropout = nn.Dropout(0.3)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        x = self.pool1(self.relu1(self.bn1(self.conv1(x))))
        x = self.pool2(self.bn2(self.relu2(self.conv2(x))))
        return self.fc2(self.dropout(self.relu3(self.fc1(self.flatten(x)))))


class DeepBindStyle(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(4, 8, 9)
        self.relu1 = nn.ReLU()
        self.fc1 = nn.Linear(8, 16)
        self.relu2 = nn.ReLU()
        self.fc2 = nn.Linear(16, 1)

    def forward(self, x):
        x = torch.max(self.relu1(self.conv(x)), dim=2).values
        return self.fc2(self.relu2(self.fc1(x)))


class MNISTCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(4, 8, 3)
        self.relu2 = nn.ReLU()
        self.pool = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(8 * 12 * 12, 16)
        self.relu3 = nn.ReLU()
        self.fc2 = nn.Linear(16, 10)

    def logits(self, x):
        x = self.pool(self.relu2(self.conv2(self.relu1(self.conv1(x)))))
        return self.fc2(self.relu3(self.fc1(self.flatten(x))))

    def forward(self, x):
        return torch.softmax(self.logits(x), dim=1)


class Logits(nn.Module):
    """The MNIST model without its final softmax (what the references explain)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model.logits(x)


class BPNetStyle(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv1d(4, 8, 9, padding=4)
        self.relu0 = nn.ReLU()
        self.dil1 = nn.Conv1d(8, 8, 3, padding=2, dilation=2)
        self.relu1 = nn.ReLU()
        self.dil2 = nn.Conv1d(8, 8, 3, padding=4, dilation=4)
        self.relu2 = nn.ReLU()
        self.profile = nn.Conv1d(8, 1, 7)
        self.counts = nn.Linear(8, 1)

    def forward(self, x):
        x = self.relu0(self.stem(x))
        x = x + self.relu1(self.dil1(x))
        x = x + self.relu2(self.dil2(x))
        profile = self.profile(x)[:, :, 4:-4].flatten(1)
        counts = self.counts(x.mean(dim=2))
        return profile, counts


class CountsHead(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)[1]


class ReverseComplement(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(4, 8, 9)
        self.relu = nn.ReLU()
        self.fc = nn.Linear(8, 1)

    def branch(self, x):
        return self.fc(torch.max(self.relu(self.conv(x)), dim=2).values)

    def forward(self, x):
        return 0.5 * (self.branch(x) + self.branch(torch.flip(x, dims=[1, 2])))


class Upsampling(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv1d(4, 8, 7, padding=3)
        self.relu0 = nn.ReLU()
        self.depthwise = nn.Conv1d(8, 8, 5, padding=2, groups=8)
        self.relu1 = nn.ReLU()
        self.grouped = nn.Conv1d(8, 8, 3, padding=2, dilation=2, groups=2)
        self.relu2 = nn.ReLU()
        self.down = nn.Conv1d(8, 8, 4, stride=2, padding=1)
        self.up = nn.ConvTranspose1d(8, 3, 3, stride=2, padding=1, output_padding=1, dilation=2)
        self.relu3 = nn.ReLU()
        self.fc = nn.Linear(3 + 8 + 8, 2)

    def forward(self, x):
        x = self.relu2(self.grouped(self.relu1(self.depthwise(self.relu0(self.stem(x))))))
        u = self.relu3(self.up(self.down(x)))  # [N, 3, 64]
        profile = u[:, 0]
        features = torch.cat([u.sum(dim=2), x[..., 32], x.mean(dim=2)], dim=1)
        return self.fc(features), profile


class FirstHead(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)[0]


def seeded(model, seed):
    """Draws every parameter and BatchNorm statistic from one seed, then sets eval mode."""
    torch.manual_seed(seed)
    for module in model.modules():
        if isinstance(module, (nn.Conv1d, nn.Conv2d, nn.Linear, nn.ConvTranspose1d)):
            module.reset_parameters()
        if isinstance(module, nn.BatchNorm1d):
            with torch.no_grad():
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.3, 0.3)
                module.running_mean.uniform_(-0.2, 0.2)
                module.running_var.uniform_(0.5, 2.0)
    return model.eval()


def dna_inputs(seed):
    rng = np.random.default_rng(seed)
    bases = rng.integers(0, 4, size=(ITEMS, LENGTH))
    onehot = np.eye(4, dtype=np.float32)[bases]  # [N, L, 4]
    return torch.from_numpy(onehot.transpose(0, 2, 1).copy())  # [N, 4, L]


def image_inputs(seed):
    rng = np.random.default_rng(seed)
    return torch.from_numpy(rng.uniform(0, 1, size=(4, 1, 28, 28)).astype(np.float32))


def export(model, x, name, opset):
    """Writes NAME.torchscript.onnx (opset `opset`) and NAME.dynamo.onnx; returns what was written."""
    written = {}
    path = os.path.join(OUT, f"{name}.torchscript.onnx")
    torch.onnx.export(
        model, (x,), path, dynamo=False, opset_version=opset, input_names=["input"],
        dynamic_axes={"input": {0: "batch"}})
    written["torchscript"] = opset
    path = os.path.join(OUT, f"{name}.dynamo.onnx")
    try:
        torch.onnx.export(model, (x,), path, dynamo=True, external_data=False)
        written["dynamo"] = onnx.load(path).opset_import[0].version
    except Exception as error:  # recorded in the provenance file, as the README says
        written["dynamo"] = f"failed: {type(error).__name__}: {error}"[:300]
    for exporter in ("torchscript", "dynamo"):
        path = os.path.join(OUT, f"{name}.{exporter}.onnx")
        if os.path.exists(path):
            onnx.checker.check_model(onnx.load(path))
    return written


def channels_last(array):
    array = np.asarray(array)
    return np.moveaxis(array, 1, -1) if array.ndim >= 3 else array


def ism_delta(model, x, targets):
    """f(x with position l set to base b) - f(x), [N, L, 4]; 0 at the reference base."""
    with torch.no_grad():
        base = model(x).gather(1, targets[:, None])[:, 0]
        out = np.zeros((x.shape[0], x.shape[2], 4))
        for position in range(x.shape[2]):
            for letter in range(4):
                mutant = x.clone()
                mutant[:, :, position] = 0
                mutant[:, letter, position] = 1
                out[:, position, letter] = (model(mutant).gather(1, targets[:, None])[:, 0] - base).numpy()
    return out


def attributions(model, x, targets, gradcam_layer, is_dna):
    """Captum maps in float64 of the float32 model, channels-last.

    Without `gradcam_layer` (a model that calls one module twice, where Captum's layer and
    DeepLift hooks would mix both calls) Grad-CAM and DeepLift are left out.
    """
    model64 = model.double()
    x64 = x.double().requires_grad_(False)
    t = targets.tolist()
    maps = {
        "saliency": Saliency(model64).attribute(x64, target=t, abs=False),
        "input_x_gradient": InputXGradient(model64).attribute(x64, target=t),
        "integrated_gradients_riemann_trapezoid_50": IntegratedGradients(model64).attribute(
            x64, target=t, baselines=torch.zeros_like(x64), n_steps=50, method="riemann_trapezoid"),
        "guided_backprop": GuidedBackprop(model64).attribute(x64, target=t),
        "deconvolution": Deconvolution(model64).attribute(x64, target=t),
    }
    if gradcam_layer is not None:
        maps["deeplift"] = DeepLift(model64).attribute(x64, target=t, baselines=torch.zeros_like(x64))
    maps = {k: channels_last(v.detach().numpy()) for k, v in maps.items()}
    if gradcam_layer is None:
        if is_dna:
            maps["ism_delta"] = ism_delta(model64, x64, targets)
        model.float()
        return maps
    gradcam = LayerGradCam(model64, gradcam_layer)
    layer_map = gradcam.attribute(x64, target=t, relu_attributions=False)  # [N, 1, *spatial]
    maps["gradcam_layer_norelu"] = layer_map[:, 0].detach().numpy()
    upsampled = LayerAttribution.interpolate(torch.relu(layer_map), x.shape[2:], "nearest")
    maps["gradcam"] = upsampled[:, 0].detach().numpy()
    if is_dna:
        maps["ism_delta"] = ism_delta(model64, x64, targets)
    model.float()
    return maps


def write_reference(name, model, x, targets, maps, exported, description, gradcam_module):
    with torch.no_grad():
        logits = model(x)
    path = os.path.join(OUT, f"{name}_reference.h5")
    with h5py.File(path, "w") as f:
        f["inputs"] = channels_last(x.numpy()).astype(np.float32)
        f["targets"] = targets.numpy().astype(np.int64)
        f["logits"] = logits.numpy().astype(np.float32)
        for key, value in maps.items():
            f[f"attributions/{key}"] = np.asarray(value, dtype=np.float32)
        f.attrs["description"] = description
        f.attrs["gradcam_module"] = gradcam_module
        f.attrs["exports"] = json.dumps(exported)
    return exported


def make_basset():
    basset = seeded(Basset(), 1)
    x = dna_inputs(11)
    targets = torch.arange(ITEMS) % 3
    exported = export(basset, x, "basset", 13)
    maps = attributions(basset, x, targets, basset.relu2, True)
    return write_reference(
        "basset", basset, x, targets, maps, exported, Basset.__doc__ or "Basset-style chain", "relu2")


def make_deepbind():
    deepbind = seeded(DeepBindStyle(), 2)
    x = dna_inputs(12)
    targets = torch.zeros(ITEMS, dtype=torch.long)
    exported = export(deepbind, x, "deepbind", 17)
    maps = attributions(deepbind, x, targets, deepbind.relu1, True)
    return write_reference(
        "deepbind", deepbind, x, targets, maps, exported, "DeepBind-style chain", "relu1")


def make_mnist():
    mnist = seeded(MNISTCNN(), 3)
    x = image_inputs(13)
    logits_model = Logits(mnist).eval()
    with torch.no_grad():
        targets = logits_model(x).argmax(dim=1)
    exported = export(mnist, x, "mnist", 17)
    maps = attributions(logits_model, x, targets, mnist.relu2, False)
    return write_reference(
        "mnist", logits_model, x, targets, maps, exported, "MNIST CNN, logits before softmax", "relu2")


def make_bpnet():
    bpnet = seeded(BPNetStyle(), 4)
    x = dna_inputs(14)
    exported = export(bpnet, x, "bpnet", 17)
    counts = CountsHead(bpnet).eval()
    targets = torch.zeros(ITEMS, dtype=torch.long)
    maps = attributions(counts, x, targets, bpnet.relu2, True)
    with torch.no_grad():
        profile = bpnet(x)[0].numpy().astype(np.float32)
    written = write_reference(
        "bpnet", counts, x, targets, maps, exported, "BPNet-style; logits = counts head", "relu2")
    with h5py.File(os.path.join(OUT, "bpnet_reference.h5"), "a") as f:
        f["profile_logits"] = profile
    return written


def make_rc():
    rc = seeded(ReverseComplement(), 5)
    x = dna_inputs(15)
    targets = torch.zeros(ITEMS, dtype=torch.long)
    exported = export(rc, x, "rc", 17)
    maps = attributions(rc, x, targets, None, True)
    return write_reference(
        "rc", rc, x, targets, maps, exported, "forward + reverse-complement branches", "relu")


def make_upsample():
    model = seeded(Upsampling(), 6)
    x = dna_inputs(16)
    exported = export(model, x, "upsample", 18)
    logits = FirstHead(model).eval()
    targets = torch.arange(ITEMS) % 2
    maps = attributions(logits, x, targets, model.relu2, True)
    with torch.no_grad():
        profile = model(x)[1].numpy().astype(np.float32)
    written = write_reference(
        "upsample", logits, x, targets, maps, exported,
        "grouped, depthwise and transposed convolutions, Gather, ReduceSum; logits = first head",
        "relu2")
    with h5py.File(os.path.join(OUT, "upsample_reference.h5"), "a") as f:
        f["profile_logits"] = profile
    return written


MODELS = {
    "basset": make_basset, "deepbind": make_deepbind, "mnist": make_mnist, "bpnet": make_bpnet,
    "rc": make_rc, "upsample": make_upsample,
}


def main():
    os.makedirs(OUT, exist_ok=True)
    names = sys.argv[1:] or list(MODELS)
    unknown = [name for name in names if name not in MODELS]
    if unknown:
        sys.exit(f"unknown models {unknown}; choose from {sorted(MODELS)}")
    path = os.path.join(OUT, "provenance.json")
    provenance = {}
    if os.path.exists(path):
        with open(path) as f:
            provenance = json.load(f)
    import captum
    provenance.update({"torch": torch.__version__, "onnx": onnx.__version__, "captum": captum.__version__})
    for name in names:
        torch.use_deterministic_algorithms(True)
        provenance[name] = MODELS[name]()
    with open(path, "w") as f:
        json.dump(provenance, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
