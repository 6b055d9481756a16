# The main process is MainProcess, with no parent process, and the program runs as __main__.
import multiprocessing as mp

print(mp.current_process().name)
print(mp.parent_process())
print(__name__)
print(repr(mp.current_process()))
