# max_workers must be positive.
from concurrent.futures import ThreadPoolExecutor

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print(e)
