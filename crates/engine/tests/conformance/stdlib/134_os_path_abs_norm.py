# os.path.isabs, abspath (against the virtual cwd /home/learner), normpath, relpath, commonprefix, expanduser
import os
from os import path
for p in ("x", "/x", "./a/../b", "a/./b//c/", "../..", "/../x", "//x/y", "///x", "", "."):
    print(repr(p), path.isabs(p), path.abspath(p), path.normpath(p))
print(path.relpath("/home/learner/a/b"), path.relpath("/etc/x", "/home"), path.relpath("a", "a"))
print(path.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]), repr(path.commonprefix([])))
print(path.expanduser("~/notes.txt"), path.expanduser("~"), path.expanduser("x/~"))
