# Fractions compare with ints, floats and each other; equal numbers hash equal.
from fractions import Fraction as F
print(F(1, 2) == 0.5, F(2, 1) == 2, F(1, 3) < F(1, 2), F(3, 2) > 1, F(1, 3) <= 0.34, max(F(1, 3), F(2, 7)))
print(hash(F(2)) == hash(2), hash(F(1, 2)) == hash(0.5), hash(F(-3, 4)) == hash(-0.75))
print({F(1, 2): "half"}[F(2, 4)], sorted([F(3, 4), F(1, 8), 0.5, 1]))
