"""eventwire: raw news stories in, evidence-backed political event data out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
