#!/usr/bin/env python3
"""The PyTorch side of the transformer-step case of Benchmarks/training.py: two Post-LN
transformer encoder layers (d = 64, 4 heads, feed-forward 256 with GELU, no dropout) on a
batch of 32 sequences of length 32, mean squared error against a random target, one Adam
step per iteration. Prints one JSON line.
  torch_transformer.py SEED STEPS [float32|float64]    (PyTorch's default is float32)
"""
import json
import sys
import time

import torch
from torch import nn

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 20
dtype = sys.argv[3] if len(sys.argv) > 3 else "float32"
torch.set_default_dtype(getattr(torch, dtype))
torch.manual_seed(seed)
layers = nn.Sequential(*[nn.TransformerEncoderLayer(64, 4, dim_feedforward=256, dropout=0.0, activation="gelu",
                                                    batch_first=True, norm_first=False) for _ in range(2)])
x = torch.randn(32, 32, 64)
target = torch.randn(32, 32, 64)
opt = torch.optim.Adam(layers.parameters(), lr=1e-3)


def step():
    loss = ((layers(x) - target) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss


step()  # warm-up
start = time.perf_counter()
for _ in range(steps):
    loss = step()
seconds = time.perf_counter() - start
print(json.dumps(dict(seed=seed, steps=steps, ms_per_step=round(seconds / steps * 1e3, 3), loss_last=round(loss.item(), 4),
                      dtype=dtype, torch=torch.__version__, threads=torch.get_num_threads())))
