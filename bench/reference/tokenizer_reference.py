#!/usr/bin/python3
"""PyTorch reference of Tessera's grid image tokenizers, for ./tools/bench-tokenizers.

The same networks as Tessera's GridTokenizer (engine: ConvNets, VectorQuantizer, ScalarQuantizer):
  encoder  conv3x3(ch) relu, [conv4x4 stride 2 (ch) relu] x downsamplings, conv3x3(ch) relu, conv1x1(code dim)
  VQ       nearest of K codes by one matmul of [z 1] against [c, -|c|^2/2] and argmax; straight-through;
           loss beta * |z - sg(q)|^2; codes learn by an EMA of their assigned vectors (decay 0.99)
  FSQ      linear code dim -> len(levels), bound h' = tanh(h + shift) * (L-1)/2 - offset, round
           (straight-through), / (L // 2), linear back to code dim; no loss
  decoder  conv3x3(ch) relu, [nearest 2x upsampling, conv3x3(ch) relu] x downsamplings, conv3x3(3)
Images are (N, 3, S, S) floats in [0, 1], mapped to [-1, 1] as Tessera's ImageTensors does.

Measures, on this process's threads: encode (pixels -> ids) and decode (ids -> pixels in [0, 1])
in images/s at each --batches size, each at its best pass size (the whole batch in one pass, or
passes of 16 images, whichever is faster: both are printed), and the training step (batch
--train-batch: forward, MSE + quantizer loss, backward, AdamW, the VQ's EMA update) in ms.
Prints one JSON line.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# the same machine facts as the unified reference prints (this folder is on the path when run as a script)
from unified_reference import blas_libraries, matmul_gflops, openblas_core


def encoder(ch, downsamplings, out):
    layers = [nn.Conv2d(3, ch, 3, 1, 1), nn.ReLU()]
    for _ in range(downsamplings):
        layers += [nn.Conv2d(ch, ch, 4, 2, 1), nn.ReLU()]
    layers += [nn.Conv2d(ch, ch, 3, 1, 1), nn.ReLU(), nn.Conv2d(ch, out, 1, 1, 0)]
    return nn.Sequential(*layers)


def decoder(ch, downsamplings, code_dim):
    layers = [nn.Conv2d(code_dim, ch, 3, 1, 1), nn.ReLU()]
    for _ in range(downsamplings):
        layers += [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(ch, ch, 3, 1, 1), nn.ReLU()]
    layers += [nn.Conv2d(ch, 3, 3, 1, 1)]
    return nn.Sequential(*layers)


class VQ(nn.Module):
    def __init__(self, k, dim, beta=0.25, decay=0.99):
        super().__init__()
        self.beta, self.decay = beta, decay
        self.register_buffer("codes", torch.randn(k, dim))
        self.register_buffer("ema_count", torch.ones(k))
        self.register_buffer("ema_sum", self.codes.clone())

    def nearest(self, z):
        ones = torch.ones(z.shape[0], 1)
        bias = -0.5 * (self.codes * self.codes).sum(1, keepdim=True)
        return (torch.cat([z, ones], 1) @ torch.cat([self.codes, bias], 1).t()).argmax(1)

    def forward(self, z):
        ids = self.nearest(z.detach())
        q = self.codes[ids]
        loss = self.beta * (z - q).pow(2).mean()
        return z + (q - z).detach(), ids, loss

    def lookup(self, ids):
        return self.codes[ids]

    @torch.no_grad()
    def ema(self, z, ids):
        onehot = F.one_hot(ids, self.codes.shape[0]).float()
        self.ema_count.mul_(self.decay).add_(onehot.sum(0), alpha=1 - self.decay)
        self.ema_sum.mul_(self.decay).add_(onehot.t() @ z, alpha=1 - self.decay)
        n = self.ema_count.sum()
        smoothed = (self.ema_count + 1e-5) / (n + self.codes.shape[0] * 1e-5) * n
        self.codes.copy_(self.ema_sum / smoothed.unsqueeze(1))


class FSQ(nn.Module):
    def __init__(self, levels, dim):
        super().__init__()
        self.levels = levels
        self.project_in = nn.Linear(dim, len(levels))
        self.project_out = nn.Linear(len(levels), dim)
        lv = torch.tensor(levels, dtype=torch.float32)
        self.register_buffer("span", (lv - 1) / 2)
        self.register_buffer("offset", torch.tensor([0.5 if l % 2 == 0 else 0.0 for l in levels]))
        self.register_buffer("shift", torch.atanh(self.offset / self.span))
        self.register_buffer("width", torch.tensor([l // 2 for l in levels], dtype=torch.float32))
        basis, acc = [], 1
        for l in levels:
            basis.append(acc)
            acc *= l
        self.register_buffer("basis", torch.tensor(basis, dtype=torch.float32))

    def forward(self, z):
        bounded = torch.tanh(self.project_in(z) + self.shift) * self.span - self.offset
        digits = bounded.round()
        rounded = bounded + (digits - bounded).detach()
        ids = ((digits + self.width) * self.basis).sum(1).long()
        return self.project_out(rounded / self.width), ids, torch.zeros(())

    def lookup(self, ids):
        digits, rest = [], ids
        for l in self.levels:
            digits.append(rest % l)
            rest = rest // l
        d = torch.stack(digits, 1).float()
        return self.project_out((d - self.width) / self.width)

    def ema(self, z, ids):
        pass


class GridTokenizer(nn.Module):
    def __init__(self, kind, size=64, ch=48, downsamplings=2, code_dim=32):
        super().__init__()
        self.grid, self.code_dim = size >> downsamplings, code_dim
        self.encoder = encoder(ch, downsamplings, code_dim)
        self.quantizer = VQ(256, code_dim) if kind == "vq" else FSQ([8, 6, 5], code_dim)
        self.decoder = decoder(ch, downsamplings, code_dim)

    def rows(self, images):
        return self.encoder(images * 2 - 1).permute(0, 2, 3, 1).reshape(-1, self.code_dim)

    def decode_rows(self, rows):
        g = self.grid
        return self.decoder(rows.reshape(-1, g, g, self.code_dim).permute(0, 3, 1, 2))

    @torch.inference_mode()
    def encode(self, images):
        _, ids, _ = self.quantizer(self.rows(images))
        return ids.reshape(images.shape[0], -1).numpy()

    @torch.inference_mode()
    def decode(self, ids):
        images = self.decode_rows(self.quantizer.lookup(torch.from_numpy(ids).reshape(-1)))
        return ((images + 1) / 2).clamp(0, 1).numpy()


def per_second(fn, items, runs):
    fn()
    start = time.perf_counter()
    for _ in range(runs):
        fn()
    return items * runs / (time.perf_counter() - start)


def in_passes(fn, batch, size):
    """fn over batch (a tensor or an array) in passes of size, concatenated."""
    import numpy as np
    parts = [fn(batch[i:i + size]) for i in range(0, batch.shape[0], size)]
    return np.concatenate(parts, 0)


def training_step(model, a, gen):
    """One training step of a fixed batch as the bench times it (forward, MSE + quantizer loss, backward, AdamW, EMA)."""
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.0)
    batch = torch.rand(a.train_batch, 3, 64, 64, generator=gen)

    def step():
        z = model.rows(batch)
        q, ids, qloss = model.quantizer(z)
        rec = (model.decode_rows(q) - (batch * 2 - 1)).pow(2).mean()
        loss = rec + qloss
        loss.item()
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        model.quantizer.ema(z.detach(), ids)
    return step


def profiled(fn, units):
    """fn under torch's autograd profiler: self CPU ms and calls per unit by operation, wall ms per unit."""
    fn()
    start = time.perf_counter()
    with torch.autograd.profiler.profile() as prof:
        fn()
    wall = 1000 * (time.perf_counter() - start) / units
    return {"wallMs": wall, "selfMs": {e.key: e.self_cpu_time_total / 1000 / units for e in prof.key_averages()},
            "calls": {e.key: e.count / units for e in prof.key_averages()}}


def profiles(model, a, gen):
    """--profile: encode and decode per image at batch 1 (64 single images) and 256 (passes of 16), a training step."""
    out = {"side": "pytorch"}
    for b, runs in ((1, 64), (256, 1)):
        images = torch.rand(b, 3, 64, 64, generator=gen)
        ids = model.encode(images)
        size = min(b, 16)

        def enc():
            for _ in range(runs):
                in_passes(model.encode, images, size)

        def dec():
            for _ in range(runs):
                in_passes(model.decode, ids, size)
        out[f"encode{b}"] = profiled(enc, b * runs)
        out[f"decode{b}"] = profiled(dec, b * runs)
    step = training_step(model, a, gen)

    def train():
        for _ in range(a.train_steps):
            step()
    out["train"] = profiled(train, a.train_steps)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--kind", choices=["vq", "fsq"], default="vq")
    ap.add_argument("--batches", default="1,256")
    ap.add_argument("--images", type=int, default=512, help="images per measurement (rounded up to whole batches)")
    ap.add_argument("--train-batch", type=int, default=32)
    ap.add_argument("--train-steps", type=int, default=10)
    ap.add_argument("--profile", action="store_true",
                    help="only profile encode/decode at batch 1 and 256 and the training step (self CPU ms per operation)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    model = GridTokenizer(a.kind).eval()
    out = {"side": "pytorch", "version": "torch " + torch.__version__, "threads": a.threads, "kind": a.kind,
           "parameters": sum(p.numel() for p in model.parameters()), "blas": blas_libraries(),
           "blasCore": openblas_core(), "matmulGflops": matmul_gflops()}
    gen = torch.Generator().manual_seed(1)
    if a.profile:
        print(json.dumps(profiles(model, a, gen)))
        return
    for b in [int(x) for x in a.batches.split(",")]:
        images = torch.rand(b, 3, 64, 64, generator=gen)
        ids = model.encode(images)
        runs = max(2, math.ceil(a.images / b))
        options = {"one pass": b}
        if b > 16:
            options["passes of 16"] = 16
        for name, size in options.items():
            enc = per_second(lambda: in_passes(model.encode, images, size), b, runs)
            dec = per_second(lambda: in_passes(model.decode, ids, size), b, runs)
            out[f"encode{b} {name}"] = enc
            out[f"decode{b} {name}"] = dec
        out[f"encode{b}"] = max(v for k, v in out.items() if k.startswith(f"encode{b} "))
        out[f"decode{b}"] = max(v for k, v in out.items() if k.startswith(f"decode{b} "))

    step = training_step(model, a, gen)
    for _ in range(2):
        step()
    start = time.perf_counter()
    for _ in range(a.train_steps):
        step()
    out["trainStepMs"] = 1000 * (time.perf_counter() - start) / a.train_steps
    print(json.dumps(out))


if __name__ == "__main__":
    main()
