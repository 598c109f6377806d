# Jupyter server settings used by `make lab` (and the browser test): committed notebooks stay
# output-free. Before Lab writes a notebook, analysis.notebook_hook strips its outputs, execution
# counts and run-time metadata, so running a notebook and saving it leaves `git status` clean.
# Start Lab with this file: jupyter lab --config=jupyter_server_config.py (what `make lab` does).
from analysis.notebook_hook import pre_save_hook

c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)
c.FileContentsManager.pre_save_hook = pre_save_hook
