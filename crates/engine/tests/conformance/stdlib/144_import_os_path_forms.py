# The ways to reach os.path: import os.path, from os import path, import os.path as p, from os.path import join
import os.path
from os import path
import os.path as p
from os.path import join, splitext
print(os.path is path, p is path, join("a", "b"), splitext("f.py"), p.basename("/x/y"))
import posixpath
print(posixpath is os.path, os.path.sep)
