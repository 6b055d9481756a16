# cpu_count() is the machine's number of CPUs (4 in the virtual machine), as os.cpu_count().
import multiprocessing as mp
import os

print(mp.cpu_count(), os.cpu_count(), mp.cpu_count() == os.cpu_count())
