# os.path.join, split, basename and dirname on absolute, relative and trailing-slash paths
import os.path
for parts in (("a", "b", "c.txt"), ("/usr", "lib"), ("a/", "b"), ("a", "/abs", "c"), ("", "x"), ("a", ""), ("/",)):
    print(parts, os.path.join(*parts))
for p in ("/usr/lib/python3.11/os.py", "dir/file", "file", "/", "//", "a/b/", "", "/a//b///c", "///x"):
    print(repr(p), os.path.split(p), repr(os.path.basename(p)), repr(os.path.dirname(p)))
