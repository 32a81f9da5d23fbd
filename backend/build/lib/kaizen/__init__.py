"""Kaizen: a self-hosted career-growth tracker."""

__version__ = "0.1.0"
