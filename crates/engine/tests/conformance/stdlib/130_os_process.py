# os: the virtual machine's fixed process facts (pid, parent pid, CPU count, cwd, name, separators)
import os
print(os.getpid(), os.getppid(), os.cpu_count(), os.getcwd())
print(os.name, repr(os.sep), repr(os.linesep), repr(os.pathsep), os.curdir, os.pardir, os.extsep, os.altsep, os.devnull)
