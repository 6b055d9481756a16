# Fraction from two ints (normalised), an int, a float (exactly), a string, another Fraction.
from fractions import Fraction
print(Fraction(6, 8), Fraction(-3, -9), Fraction(3, -9), Fraction(5), Fraction())
print(Fraction(0.5), Fraction(0.1), Fraction("3/4"), Fraction(" -1.25 "), Fraction("2e-3"), Fraction(Fraction(1, 3)))
print(repr(Fraction(1, 3)), str(Fraction(4, 2)), Fraction(7, 3).numerator, Fraction(7, 3).denominator)
