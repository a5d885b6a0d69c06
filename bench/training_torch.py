"""PyTorch reference for bench/training.bench.ts: the same workloads (LeNet on MNIST-shaped images, the
tabular MLP), timed the same way. Reads one JSON object of settings from argv[1], prints one JSON line.
Run by the TypeScript benchmark with Debian's /usr/bin/python3 (python3-torch, see bench/torch-setup.sh)."""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

cfg = json.loads(sys.argv[1])
torch.set_num_threads(cfg["threads"])
torch.manual_seed(0)


class LeNet(nn.Module):
    def __init__(self, channels=1, classes=10, flat=256):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(flat, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)
        self.flat = flat

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.flat)
        e = F.relu(self.fc2(F.relu(self.fc1(x))))
        return self.fc3(e), e


class Mlp(nn.Module):
    def __init__(self, features, hidden, classes):
        super().__init__()
        self.fc1 = nn.Linear(features, hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        e = F.relu(self.fc1(x))
        return self.fc2(e), e


def train_seconds_per_epoch(model, x, y, epochs, lr, batch):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    n = x.shape[0]
    best = None
    for _ in range(epochs):
        t0, c0 = time.perf_counter(), time.process_time()
        perm = torch.randperm(n)
        for s in range(0, n, batch):
            idx = perm[s:s + batch]
            xb, yb = x[idx], y[idx]
            opt.zero_grad()
            out, _ = model(xb)
            loss = F.cross_entropy(out, yb)
            loss.backward()
            opt.step()
        r = {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}
        best = r if best is None else {k: min(best[k], r[k]) for k in r}
    return best


@torch.no_grad()
def infer_seconds(model, x, batch):
    model.eval()
    n = x.shape[0]
    t0, c0 = time.perf_counter(), time.process_time()
    for s in range(0, n, batch):
        out, e = model(x[s:s + batch])
        F.softmax(out, dim=1)
    return {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}


res = {"torch": torch.__version__, "threads": torch.get_num_threads()}
g = torch.Generator().manual_seed(1)
xi = torch.randn(cfg["lenetTrainRows"], 1, 28, 28, generator=g)
yi = torch.randint(0, 10, (cfg["lenetTrainRows"],), generator=g)
lenet = LeNet()
train_seconds_per_epoch(lenet, xi[:256], yi[:256], 1, 1e-3, 64)  # warm-up
# Epochs: the fastest of cfg epochs (as the TypeScript side).
res["lenetEpochSeconds"] = train_seconds_per_epoch(lenet, xi, yi, cfg["lenetEpochs"], 1e-3, 64)
if cfg.get("only") == "lenet-train":  # the interleaved LeNet rounds of the TypeScript side
    print(json.dumps(res))
    sys.exit(0)
xt = torch.randn(cfg["mlpTrainRows"], cfg["mlpFeatures"], generator=g)
yt = torch.randint(0, cfg["mlpClasses"], (cfg["mlpTrainRows"],), generator=g)
mlp = Mlp(cfg["mlpFeatures"], cfg["mlpHidden"], cfg["mlpClasses"])
train_seconds_per_epoch(mlp, xt[:1024], yt[:1024], 1, 1e-4, 64)
res["mlpEpochSeconds"] = train_seconds_per_epoch(mlp, xt, yt, cfg["mlpEpochs"], 1e-4, 64)
del xi, xt
xp = torch.randn(cfg["lenetPoolRows"], 1, 28, 28, generator=g)
infer_seconds(lenet, xp[:1024], cfg["lenetInferBatch"])
res["lenetInferSeconds"] = infer_seconds(lenet, xp, cfg["lenetInferBatch"])
del xp
xq = torch.randn(cfg["mlpPoolRows"], cfg["mlpFeatures"], generator=g)
infer_seconds(mlp, xq[:8192], cfg["mlpInferBatch"])
res["mlpInferSeconds"] = infer_seconds(mlp, xq, cfg["mlpInferBatch"])
print(json.dumps(res))
