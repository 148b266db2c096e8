"""A small client of Pelcro's Core API exports, as an integration would write it."""

from .client import Download, ExportsClient, ExportsError

__all__ = ["Download", "ExportsClient", "ExportsError"]
