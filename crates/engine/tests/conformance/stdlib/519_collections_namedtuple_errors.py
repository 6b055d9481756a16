# Wrong argument counts, immutability, bad field names, unknown _replace fields.
from collections import namedtuple
P = namedtuple("P", "a b")
try:
    P(1)
except TypeError as e:
    print(e)
try:
    P(1, 2, 3)
except TypeError as e:
    print(e)
p = P(1, 2)
try:
    p.a = 5
except AttributeError as e:
    print(e)
try:
    p._replace(c=3)
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "x 1y")
except ValueError as e:
    print(e)
