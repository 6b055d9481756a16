# os.path.splitext: last extension only, leading dots are part of the name
import os
for p in ("report.txt", "archive.tar.gz", ".bashrc", "..hidden", "a/.b", "dir.d/file", "noext", "x.", "...", "a/b.c/d", "/x/y.z"):
    print(repr(p), os.path.splitext(p))
