#!/usr/bin/python3
"""PyTorch reference for Tessera's unified transformer benchmark (./tools/bench-unified).

The same architecture, batch and training step as dev.tessera.engine.lm.UnifiedTransformer
driven by dev.tessera.engine.unified.UnifiedTrainer, written as plain PyTorch 1.13 (Debian's
python3-torch, CPU): token table = learned text/special rows + image rows, which are either a
frozen codebook (K x code width) @ learned projection, tied at the output (UniCode, --embedding
unified-codebook), or a learned image embedding @ learned projection with its own image output
matrix (TEAL, --embedding joint-embedding, the shipped model's); learned positions, pre-LN blocks (LayerNorm eps 1e-5, qkv
Linear with bias, causal softmax attention with an additive mask, proj, GELU MLP 4x), final
LayerNorm, logits tied to the token table; masked mean token NLL; global-norm clipping at 1.0;
AdamW (0.9, 0.95, eps 1e-8, weight decay 0.01 on 2-D weights except positions).

Measures, with --threads intra-op threads:
  training tokens/s  input tokens (batch x seq) per second over --steps steps after --warmup
                     (and the CPU time of the process per step, which other processes on a
                     busy machine disturb less than the wall time)
  generation ms/image  --images prompts of --prompt ids (and as many unconditional prompts of
                     2 ids for classifier-free guidance, left-padded into the same batch), then
                     --new image ids sampled one by one with a KV cache (top-k 32, temperature 1,
                     cfg 3); no image decoder
  matmul GFLOP/s     fp32 1024 x 1024 @ 1024 x 1024, to show which BLAS this torch runs on
and prints one JSON line. F.scaled_dot_product_attention does not exist in 1.13: attention is
matmul + softmax, as on the Java side.
"""
import argparse
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

SPECIAL = 8  # <pad> <eos> <boi> <eoi> <caption> <generate> <ask> <answer>


class Block(nn.Module):
    def __init__(self, d, heads, mlp):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(d, eps=1e-5)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d, eps=1e-5)
        self.fc = nn.Linear(d, mlp * d)
        self.out = nn.Linear(mlp * d, d)

    def forward(self, x, mask, cache, layer):
        # mask: (t, total) causal, or (B, 1, t, total) with each row's padding keys hidden
        b, t, d = x.shape
        dh = d // self.heads
        q, k, v = (a.view(b, t, self.heads, dh).transpose(1, 2) for a in self.qkv(self.ln1(x)).split(d, -1))
        if cache is not None:
            if cache[layer] is not None:
                k = torch.cat([cache[layer][0], k], 2)
                v = torch.cat([cache[layer][1], v], 2)
            cache[layer] = (k, v)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(dh))
        if mask is not None:
            scores = scores + mask
        att = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(att)
        return x + self.out(F.gelu(self.fc(self.ln2(x))))


class UnifiedTransformer(nn.Module):
    def __init__(self, vocab, image_ids, code_width, d, layers, heads, context, mlp=4, joint=False):
        super().__init__()
        g = torch.Generator().manual_seed(0)
        self.joint = joint
        self.text = nn.Parameter(torch.randn(vocab - image_ids, d, generator=g) * 0.02)
        if joint:
            # TEAL: own image embedding through a projection, own image output matrix
            self.image = nn.Parameter(torch.randn(image_ids, d, generator=g) * 0.02)
            self.image_in = nn.Parameter(torch.randn(d, d, generator=g) / math.sqrt(d))
            self.image_head = nn.Parameter(torch.randn(image_ids, d, generator=g) * 0.02)
        else:
            # UniCode: image rows = frozen codebook @ learned projection, tied at the output
            self.register_buffer("codebook", torch.randn(image_ids, code_width, generator=g))
            self.code_projection = nn.Parameter(torch.randn(code_width, d, generator=g) * 0.02 / math.sqrt(code_width))
        self.position = nn.Parameter(torch.randn(context, d, generator=g) * 0.02)
        self.blocks = nn.ModuleList(Block(d, heads, mlp) for _ in range(layers))
        self.final = nn.LayerNorm(d, eps=1e-5)
        self.register_buffer("mask", torch.full((context, context), -1e9).triu(1))
        out_std = 0.02 / math.sqrt(2.0 * layers)
        for blk in self.blocks:
            for lin, std in ((blk.qkv, 0.02), (blk.proj, out_std), (blk.fc, 0.02), (blk.out, out_std)):
                nn.init.normal_(lin.weight, std=std)
                nn.init.zeros_(lin.bias)

    def table(self):
        rows = self.image @ self.image_in if self.joint else self.codebook @ self.code_projection
        return torch.cat([self.text, rows], 0)

    def forward(self, ids, cache=None, pad=None):
        """pad: (B,) long, padding ids at the start of each row (hidden from attention; the
        row's first real id takes position 0), as Tessera's KvCache(layers, leftPadding)."""
        t = ids.shape[1]
        offset = 0 if cache is None or cache[0] is None else cache[0][0].shape[2]
        table = self.table()
        if pad is None:
            x = F.embedding(ids, table) + self.position[offset:offset + t]
        else:
            at = (torch.arange(offset, offset + t).unsqueeze(0) - pad.unsqueeze(1)).clamp(min=0)
            x = F.embedding(ids, table) + self.position[at]
        mask = None if t == 1 else self.mask[offset:offset + t, :offset + t]
        if pad is not None:
            hidden = (torch.arange(offset + t).unsqueeze(0) < pad.unsqueeze(1)).float() * -1e9
            hidden = hidden[:, None, None, :]
            mask = hidden if mask is None else hidden + mask
        for i, blk in enumerate(self.blocks):
            x = blk(x, mask, cache, i)
        x = self.final(x)
        if self.joint:
            return torch.cat([x @ self.text.t(), x @ self.image_head.t()], -1)
        return x @ table.t()


def decay_groups(model, weight_decay):
    """Tessera's split: decoupled decay on 2-D weights except the position table."""
    decay, keep = [], []
    for name, p in model.named_parameters():
        (decay if p.dim() == 2 and name != "position" else keep).append(p)
    return [{"params": decay, "weight_decay": weight_decay}, {"params": keep, "weight_decay": 0.0}]


def fixed_batch(batch, seq, vocab, text_targets):
    """The Java side's batch: ids by formula; text targets first, then image targets."""
    b = torch.arange(batch).unsqueeze(1)
    t = torch.arange(seq).unsqueeze(0)
    inputs = (b * 31 + t * 17 + 5) % vocab
    targets = (b * 13 + t * 29 + 3) % vocab
    text = (t < text_targets).float().expand(batch, seq).contiguous()
    return inputs, targets, text, 1.0 - text


def train_step(model, opt, inputs, targets, text_mask, image_mask, max_norm):
    logits = model(inputs)
    nll = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction="none").view_as(targets)
    mask = text_mask + image_mask
    loss = (nll * mask).sum() / mask.sum().clamp(min=1)
    value = loss.item()
    if not math.isfinite(value):
        raise RuntimeError("loss is not finite")
    loss.backward()
    with torch.no_grad():
        # the per-modality losses the trainer reports every step
        detached = nll.detach()
        (detached * text_mask).sum().item() / max(text_mask.sum().item(), 1)
        (detached * image_mask).sum().item() / max(image_mask.sum().item(), 1)
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    opt.step()
    opt.zero_grad(set_to_none=True)
    return value


@torch.inference_mode()
def generate(model, cond, uncond, new, image_start, image_ids, cfg, top_k, gen):
    """Image ids for each prompt: cond and uncond rows decoded as one batch, the shorter
    unconditional prompts left-padded, one KV cache (as Tessera's Decoder)."""
    b = cond.shape[0]
    width = max(cond.shape[1], uncond.shape[1])
    rows = torch.zeros(2 * b, width, dtype=torch.long)
    rows[:b, width - cond.shape[1]:] = cond
    rows[b:, width - uncond.shape[1]:] = uncond
    pad = torch.tensor([width - cond.shape[1]] * b + [width - uncond.shape[1]] * b)
    cache = [None] * len(model.blocks)
    logits = model(rows, cache, pad)[:, -1]
    out = []
    for step in range(new):
        lc, lu = logits[:b], logits[b:]
        guided = (lu + cfg * (lc - lu))[:, image_start:image_start + image_ids]
        top, idx = guided.topk(top_k, -1)
        pick = torch.multinomial(top.softmax(-1), 1, generator=gen)
        ids = idx.gather(1, pick) + image_start
        out.append(ids)
        if step + 1 == new:
            break
        logits = model(ids.repeat(2, 1), cache, pad)[:, -1]
    return torch.cat(out, 1)


def matmul_gflops(n=1024, reps=20):
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(3):
        a @ b
    start = time.perf_counter()
    for _ in range(reps):
        a @ b
    return 2.0 * n ** 3 * reps / (time.perf_counter() - start) / 1e9


def phases(model, opt, batch, steps, warmup, max_norm):
    """ms per step in forward+loss, backward, clipping and AdamW, wall and this thread's CPU (--phases)."""
    inputs, targets, text_mask, image_mask = batch
    ms = [0.0] * 4
    cpu = [0.0] * 4
    for s in range(warmup + steps):
        at = [time.perf_counter()]
        cat = [time.thread_time()]
        logits = model(inputs)
        nll = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction="none").view_as(targets)
        mask = text_mask + image_mask
        loss = (nll * mask).sum() / mask.sum().clamp(min=1)
        loss.item()
        at.append(time.perf_counter())
        cat.append(time.thread_time())
        loss.backward()
        at.append(time.perf_counter())
        cat.append(time.thread_time())
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
        at.append(time.perf_counter())
        cat.append(time.thread_time())
        opt.step()
        opt.zero_grad(set_to_none=True)
        at.append(time.perf_counter())
        cat.append(time.thread_time())
        if s >= warmup:
            for i in range(4):
                ms[i] += 1000 * (at[i + 1] - at[i]) / steps
                cpu[i] += 1000 * (cat[i + 1] - cat[i]) / steps
    names = ["forward+loss", "backward", "clip", "adamw", "total"]
    return " ".join("%s %.1f/%.1f" % (n, w, c) for n, w, c in zip(names, ms + [sum(ms)], cpu + [sum(cpu)]))


def profile(model, opt, batch, steps, warmup, max_norm):
    """Self CPU ms per training step of every libtorch operation, from torch's own profiler (--profile)."""
    inputs, targets, text_mask, image_mask = batch
    for _ in range(warmup):
        train_step(model, opt, inputs, targets, text_mask, image_mask, max_norm)
    start = time.perf_counter()
    with torch.autograd.profiler.profile() as prof:
        for _ in range(steps):
            train_step(model, opt, inputs, targets, text_mask, image_mask, max_norm)
    wall = 1000 * (time.perf_counter() - start) / steps
    ops = {}
    calls = {}
    for e in prof.key_averages():
        ops[e.key] = e.self_cpu_time_total / 1000 / steps
        calls[e.key] = e.count / steps
    return {"side": "pytorch", "wallMs": wall, "selfMs": ops, "calls": calls}


def openblas_core():
    """The kernel family OpenBLAS picked for this CPU (openblas_get_corename), or "not OpenBLAS"."""
    import ctypes
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line}
    except OSError:
        return "unknown"
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return lib.openblas_get_corename().decode()
        except (OSError, AttributeError):
            continue
    return "not OpenBLAS"


def blas_libraries():
    """The BLAS this process runs on: Debian's torch uses whichever libblas.so.3 is installed
    (OpenBLAS with libopenblas0-pthread, else the slow reference BLAS)."""
    try:
        with open("/proc/self/maps") as f:
            paths = {os.path.realpath(line.split()[-1]) for line in f if line.rstrip().endswith(".so") or ".so." in line}
    except OSError:
        return "unknown"
    blas = sorted(p for p in paths if "blas" in os.path.basename(p).lower())
    named = [p for p in blas if not os.path.basename(p).startswith("libblas.")]
    return ", ".join(named or blas) or "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--width", type=int, default=192)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=6)
    ap.add_argument("--context", type=int, default=96)
    ap.add_argument("--vocab", type=int, default=631, help="all ids: special + text + image")
    ap.add_argument("--image-ids", type=int, default=256)
    ap.add_argument("--code-width", type=int, default=32)
    ap.add_argument("--embedding", choices=["unified-codebook", "joint-embedding"], default="unified-codebook")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seq", type=int, default=80)
    ap.add_argument("--text-targets", type=int, default=16, help="positions whose target is text (the rest image)")
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--images", type=int, default=8)
    ap.add_argument("--prompt", type=int, default=15)
    ap.add_argument("--new", type=int, default=64)
    ap.add_argument("--gen-runs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--phases", action="store_true", help="only time the parts of a training step")
    ap.add_argument("--profile", action="store_true", help="only profile training steps (self CPU ms per operation)")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    gflops = matmul_gflops()

    model = UnifiedTransformer(a.vocab, a.image_ids, a.code_width, a.width, a.layers, a.heads, a.context,
                               joint=a.embedding == "joint-embedding")
    opt = torch.optim.AdamW(decay_groups(model, 0.01), lr=a.lr, betas=(0.9, 0.95), eps=1e-8)
    inputs, targets, text_mask, image_mask = fixed_batch(a.batch, a.seq, a.vocab, a.text_targets)
    if a.profile:
        print(json.dumps(profile(model, opt, (inputs, targets, text_mask, image_mask), a.steps, a.warmup, 1.0)))
        return
    if a.phases:
        print("pytorch phases, ms per step (wall/this thread's CPU): " + phases(model, opt, (inputs, targets, text_mask, image_mask),
                                                        a.steps, a.warmup, 1.0))
        return
    first = train_step(model, opt, inputs, targets, text_mask, image_mask, 1.0)
    for _ in range(a.warmup - 1):
        train_step(model, opt, inputs, targets, text_mask, image_mask, 1.0)
    cpu_start = time.process_time()
    start = time.perf_counter()
    for _ in range(a.steps):
        train_step(model, opt, inputs, targets, text_mask, image_mask, 1.0)
    train_secs = time.perf_counter() - start
    cpu_ms_per_step = 1000 * (time.process_time() - cpu_start) / a.steps

    model.eval()
    image_start = a.vocab - a.image_ids
    generate_id, boi = 5, 2
    text = (torch.arange(a.prompt - 2) * 7) % (image_start - SPECIAL) + SPECIAL
    cond = torch.cat([torch.tensor([generate_id]), text, torch.tensor([boi])]).repeat(a.images, 1)
    uncond = torch.tensor([[generate_id, boi]]).repeat(a.images, 1)
    gen = torch.Generator().manual_seed(7)
    generate(model, cond, uncond, a.new, image_start, a.image_ids, 3.0, 32, gen)
    start = time.perf_counter()
    for _ in range(a.gen_runs):
        generate(model, cond, uncond, a.new, image_start, a.image_ids, 3.0, 32, gen)
    gen_secs = (time.perf_counter() - start) / a.gen_runs

    params = [p for p in model.parameters() if p.requires_grad]
    print(json.dumps({
        "side": "pytorch",
        "version": "torch " + torch.__version__,
        "blas": blas_libraries(),
        "blasCore": openblas_core(),
        "threads": a.threads,
        "parameters": sum(p.numel() for p in params),
        "decayed": sum(p.numel() for p in opt.param_groups[0]["params"]),
        "vocab": a.vocab,
        "imageIds": a.image_ids,
        "codeWidth": a.code_width,
        "embedding": a.embedding,
        "width": a.width,
        "layers": a.layers,
        "heads": a.heads,
        "context": a.context,
        "batch": a.batch,
        "seq": a.seq,
        "steps": a.steps,
        "firstLoss": first,
        "stepMs": 1000 * train_secs / a.steps,
        "cpuMsPerStep": cpu_ms_per_step,
        "tokensPerSecond": a.batch * a.seq * a.steps / train_secs,
        "images": a.images,
        "promptIds": a.prompt,
        "newIds": a.new,
        "msPerImage": 1000 * gen_secs / a.images,
        "matmulGflops": gflops,
    }))


if __name__ == "__main__":
    main()
