"""Demo databases: a whole municipality (or region) with realistic names, places and patterns."""

from coordinator.demo.builder import DemoSummary
from coordinator.demo.builder import build as build_demo

__all__ = ["DemoSummary", "build_demo"]
