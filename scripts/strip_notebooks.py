"""Removes outputs from Jupyter notebooks so that they are committed without results.

    python3 scripts/strip_notebooks.py Notebooks/*.ipynb           # strip in place
    python3 scripts/strip_notebooks.py --check Notebooks/*.ipynb   # exit 1 naming any notebook with outputs

Clears every code cell's outputs and execution count, drops execution timing from cell metadata,
and keeps only the kernel's name in the notebook's language_info (a run adds the Python version);
writes Jupyter's own layout, so stripping an executed copy gives back the committed file.
Standard library only; files are rewritten only when something changes.
"""
import argparse
import json
import sys

CELL_METADATA_DROPPED = ("execution", "ExecuteTime", "collapsed", "scrolled")
NOTEBOOK_METADATA_DROPPED = ("widgets", "toc", "varInspector")


def stripped(notebook):
    """A copy of the notebook (parsed JSON) without outputs."""
    notebook = json.loads(json.dumps(notebook))
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in CELL_METADATA_DROPPED:
            cell.get("metadata", {}).pop(key, None)
    metadata = notebook.get("metadata", {})
    for key in NOTEBOOK_METADATA_DROPPED:
        metadata.pop(key, None)
    if "language_info" in metadata:
        metadata["language_info"] = {"name": metadata["language_info"].get("name", "python")}
    return notebook


def lines(source):
    """A cell's source as Jupyter writes it: a list of lines, each but the last ending in a newline."""
    source = "".join(source) if isinstance(source, list) else source
    return source.splitlines(keepends=True)


def text(notebook):
    """The notebook in Jupyter's own layout (sorted keys, one-space indent, sources as lines)."""
    for cell in notebook.get("cells", []):
        cell["source"] = lines(cell.get("source", ""))
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any notebook would change")
    parser.add_argument("notebooks", nargs="+")
    arguments = parser.parse_args()
    unclean = []
    for path in arguments.notebooks:
        with open(path, encoding="utf-8") as file:
            original = file.read()
        clean = text(stripped(json.loads(original)))
        if clean != original:
            unclean.append(path)
            if not arguments.check:
                with open(path, "w", encoding="utf-8") as file:
                    file.write(clean)
    for path in unclean:
        print(f"{path}: {'has outputs or run metadata' if arguments.check else 'stripped'}")
    sys.exit(1 if arguments.check and unclean else 0)


if __name__ == "__main__":
    main()
