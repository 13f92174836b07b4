"""Workforce planning maths: queueing, staffing, forecasting, shift plans, simulation.

This package never imports Django (``make test`` enforces it with import-linter),
so it can be used on its own with numpy, scipy, pandas and statsmodels.
"""
