#!/usr/bin/env python3
"""Coefficients of the first guess in Sources/LinearAlgebra/Matrix3+EigenLanes.swift.

The largest root of 4c^3 - 3c = x for x in [0, 1] is c(x) = cos(acos(x) / 3). This fits
a degree-5 polynomial to it (least squares on a Chebyshev basis, 200 001 points), prints
the coefficients from x^0 up, its largest error, and the largest error after the kernel's
one Halley step, evaluated the way the kernel does in double precision.

    python3 Scripts/fit_cubic_root_guess.py
"""
import numpy as np

x = np.linspace(0.0, 1.0, 200_001)
exact = np.cos(np.arccos(x) / 3)
coefficients = np.polynomial.chebyshev.Chebyshev.fit(x, exact, 5).convert(kind=np.polynomial.Polynomial).coef
print("coefficients (x^0 first):", ", ".join(repr(float(c)) for c in coefficients))

guess = np.zeros_like(x)
for c in coefficients[::-1]:
    guess = guess * x + c
print("largest error of the guess:", np.max(np.abs(guess - exact)))

g = (4 * guess * guess - 3) * guess - x
slope = 12 * guess * guess - 3
curvature = 24 * guess
refined = guess - g * slope / (slope * slope - 0.5 * g * curvature)
print("largest error after one Halley step:", np.max(np.abs(refined - exact)))
