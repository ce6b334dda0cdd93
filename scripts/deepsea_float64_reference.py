"""Float64 Saliency of the DeepSEA-shaped peer model, with the positions float32 cannot settle.

Reads `<peers>/golden/deepsea_like.h5` (the Keras file `bench_deepsea.py` writes) and the first
COUNT sequences of `deepsea_like.fa`, and writes `<peers>/golden/deepsea_like_float64.h5`:
- `saliency` [COUNT, 1000, 4]: d logit_0 / d x in float64 from the float32 weights (channels-last);
- `settled` [COUNT, 1000]: 1 where no decision the gradient takes depends on a near tie, 0 where
  one might flip in float32: a max-pool window whose two largest values differ by less than
  MARGIN of the layer's largest activation, or a ReLU whose input is within MARGIN of 0 (the
  whole item when it is a dense unit's). Such a decision moves whole receptive fields, so the
  float32 maps of any two implementations (torch's, ours) may differ there by a large share of
  an item's max while both are exact up to rounding.
Usage: python scripts/deepsea_float64_reference.py PEERS_DIR [COUNT] (torch, h5py, numpy; the
peers' virtual environment has them). Run by hand; `DeepSEAGoldenTests` reads the result."""
import sys, os
import h5py, numpy as np, torch
import torch.nn.functional as F

MARGIN = 1e-5
peers = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 8
golden = os.path.join(peers, "golden")
weights = h5py.File(os.path.join(golden, "deepsea_like.h5"), "r")["model_weights"]


def param(layer, name):
    return torch.from_numpy(weights[layer][layer][f"{name}:0"][()].astype(np.float64))


conv = [(param(n, "kernel").permute(2, 1, 0), param(n, "bias")) for n in ("conv1d_1", "conv1d_2", "conv1d_3")]
dense = [(param(n, "kernel").T, param(n, "bias")) for n in ("dense_1", "dense_2")]

records = [line.strip() for line in open(os.path.join(golden, "deepsea_like.fa")) if not line.startswith(">")]
x = torch.zeros(count, 4, 1000, dtype=torch.float64)
for i, sequence in enumerate(records[:count]):
    for j, base in enumerate(sequence):
        x[i, "ACGT".index(base), j] = 1.0
x.requires_grad_(True)

# forward, keeping what the gradient's decisions read
z1 = F.conv1d(x, *conv[0]); a1 = F.relu(z1); p1 = F.max_pool1d(a1, 4)
z2 = F.conv1d(p1, *conv[1]); a2 = F.relu(z2); p2 = F.max_pool1d(a2, 4)
z3 = F.conv1d(p2, *conv[2]); a3 = F.relu(z3)
h = a3.permute(0, 2, 1).reshape(count, -1)          # Keras channels-last flatten
z4 = F.linear(h, *dense[0]); logits = F.linear(F.relu(z4), *dense[1])
logits[:, 0].sum().backward()
saliency = x.grad.permute(0, 2, 1).numpy()

# input positions each decision reaches: conv kernel 8, pools 4 (valid)
def reach_conv1(p): return p, p + 8                  # conv1 position p
def reach_pool1(w): return 4 * w, 4 * w + 11          # pool1 unit w
def reach_conv2(p): return 4 * p, 4 * (p + 7) + 11
def reach_pool2(w): return 16 * w, 16 * w + 51
def reach_conv3(p): return 16 * p, 16 * (p + 7) + 51

settled = np.ones((count, 1000), dtype=np.uint8)
with torch.no_grad():
    for i in range(count):
        def mark(mask_positions, reach):
            for p in mask_positions:
                lo, hi = reach(int(p)); settled[i, lo:min(hi, 1000)] = 0
        for z, reach in ((z1, reach_conv1), (z2, reach_conv2), (z3, reach_conv3)):
            scale = z[i].abs().max()
            mark(torch.nonzero((z[i].abs() < MARGIN * scale).any(0)).flatten(), reach)
        for a, reach in ((a1, reach_pool1), (a2, reach_pool2)):
            w = a[i, :, : a.shape[2] // 4 * 4].reshape(a.shape[1], -1, 4)
            top = torch.topk(w, 2, dim=2).values
            near = (top[..., 0] > 0) & (top[..., 0] - top[..., 1] < MARGIN * a[i].max())
            mark(torch.nonzero(near.any(0)).flatten(), reach)
        if (z4[i].abs() < MARGIN * z4[i].abs().max()).any():
            settled[i, :] = 0

with h5py.File(os.path.join(golden, "deepsea_like_float64.h5"), "w") as f:
    f["saliency"] = saliency
    f["settled"] = settled
    f.attrs["margin"] = MARGIN
    f.attrs["note"] = "float64 Saliency (target 0) from deepsea_like.h5's float32 weights; scripts/deepsea_float64_reference.py"
print("settled share per item:", settled.mean(1).round(3).tolist())
