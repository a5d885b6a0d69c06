"""PyTorch side of `npm run reproduce:torch-check` (scripts/reproduction/torch-check.ts writes the input).

Trains the authors' tabular model (nn.Linear(F, H) -> ReLU -> nn.Linear(H, C), PyTorch's default
initialisation) with their rule: Adam (lr from the input, PyTorch's defaults otherwise), cross-entropy,
shuffled batches, at most `epochs` epochs, stop once the running training accuracy of an epoch reaches
`earlyStopAccuracy` after `minEpochs`. One JSON line per seed on stdout.
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
spec = json.load(open(sys.argv[1]))
seeds = int(sys.argv[2])
feat, hidden, classes, t = spec["features"], spec["hidden"], spec["classes"], spec["training"]
x = torch.tensor(np.asarray(spec["x"], dtype=np.float32).reshape(-1, feat))
y = torch.tensor(np.asarray(spec["y"], dtype=np.int64))
test_x = torch.tensor(np.asarray(spec["testX"], dtype=np.float32).reshape(-1, feat))
test_y = torch.tensor(np.asarray(spec["testY"], dtype=np.int64))
for seed in range(seeds):
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Linear(feat, hidden), nn.ReLU(), nn.Linear(hidden, classes))
    opt = torch.optim.Adam(net.parameters(), lr=t["learningRate"])
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=t["batchSize"], shuffle=True)
    start = time.time()
    epochs, acc = 0, 0.0
    for epoch in range(1, t["epochs"] + 1):
        net.train()
        correct = 0
        for xb, yb in loader:
            opt.zero_grad()
            out = net(xb)
            loss = F.cross_entropy(out, yb)
            correct += (out.argmax(1) == yb).sum().item()
            loss.backward()
            opt.step()
        epochs, acc = epoch, correct / len(y)
        stop = t.get("earlyStopAccuracy")
        if stop is not None and epoch >= t.get("minEpochs", 0) and acc >= stop:
            break
    net.eval()
    with torch.no_grad():
        test = (net(test_x).argmax(1) == test_y).float().mean().item()
    print(json.dumps({"seed": seed, "epochs": epochs, "trainAccuracy": acc, "testAccuracy": test, "seconds": time.time() - start}), flush=True)
