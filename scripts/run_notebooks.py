"""Executes Jupyter notebooks headless with nbclient, writing only into an output folder.

    python scripts/run_notebooks.py --output DIR Notebooks/a.ipynb [Notebooks/b.ipynb …]

Each notebook runs in DIR/<name>/ (its working directory and $SANITY_NOTEBOOK_OUTPUT, where it
writes its figures; $SANITY_REPO defaults to the folder above the notebook's); the executed copy is saved there as <name>.ipynb, so the notebook in the
clone keeps no outputs. The python running this script (with nbclient and ipykernel installed)
is the kernel. Exit status: 0 when every notebook ran, 4 when none failed but one stopped because
its data is absent (it raised MissingData; the reason is printed), 1 when one failed.
"""
import argparse
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

SKIPPED = 4


def run(notebook_path, output):
    """Executes one notebook in output/<name>/; returns 0, SKIPPED or 1."""
    name = pathlib.Path(notebook_path).stem
    folder = output / name
    folder.mkdir(parents=True, exist_ok=True)
    notebook = nbformat.read(notebook_path, as_version=4)
    os.environ["SANITY_NOTEBOOK_OUTPUT"] = str(folder)
    os.environ.setdefault("SANITY_REPO", str(pathlib.Path(notebook_path).resolve().parent.parent))
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = NotebookClient(notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    status = 0
    try:
        client.execute()
        print(f"{name}: ran")
    except CellExecutionError as error:
        if error.ename == "MissingData":
            print(f"{name}: skipped: {error.evalue}")
            status = SKIPPED
        else:
            print(f"{name}: failed: {error}", file=sys.stderr)
            status = 1
    nbformat.write(notebook, str(folder / f"{name}.ipynb"))
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, type=pathlib.Path, help="folder for the figures and executed copies")
    parser.add_argument("notebooks", nargs="+")
    arguments = parser.parse_args()
    statuses = [run(path, arguments.output) for path in arguments.notebooks]
    sys.exit(1 if 1 in statuses else SKIPPED if SKIPPED in statuses else 0)


if __name__ == "__main__":
    main()
