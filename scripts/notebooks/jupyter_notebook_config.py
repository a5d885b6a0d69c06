# Jupyter (classic notebook 6) configuration for falcun-lab, found through JUPYTER_CONFIG_PATH, which
# `npm run jupyter` sets after `npm run notebooks:setup` linked this file into .jupyter/etc/jupyter/.
#
# Strip outputs on save: an inline figure or a training log would otherwise be written into the .ipynb
# (megabytes, slow to reopen, noisy diffs). The page keeps showing the outputs; only the file is clean.
# The result is byte-identical to `npm run notebooks:strip` (scripts/notebooks/strip.ts), so saving an
# unchanged notebook leaves `git status` clean.


def strip_outputs(model, **kwargs):
    if model.get("type") != "notebook" or model.get("content") is None:
        return
    for cell in model["content"].get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
            cell["metadata"] = {}


c.FileContentsManager.pre_save_hook = strip_outputs  # noqa: F821 (c is Jupyter's config object)
