# `from a import b as c` binds c only; several aliases in one statement; import a.b as c
from math import sqrt as root, pi as PI
from os import path as p
import os.path as osp
print(root(16), PI > 3, p is osp, "sqrt" in globals(), "root" in globals())
from collections import OrderedDict as OD, Counter
print(OD.__name__, Counter("aab").most_common(1))
try:
    from math import nothing_here as n
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
