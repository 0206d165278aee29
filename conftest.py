"""Shared test settings: figures are drawn off screen, never shown."""

import matplotlib

matplotlib.use("Agg")
