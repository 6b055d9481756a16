# os.path functions given something that is not a path: CPython's TypeError messages
import os
for f, args in ((os.path.join, (1,)), (os.path.join, ("a", 2)), (os.path.basename, (None,)), (os.path.splitext, (3.5,)),
                (os.fspath, (7,))):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)
print(os.fspath("p"), os.path.join("a", "b", "c"))
