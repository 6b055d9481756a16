# Modules that stay importable for real: urllib.parse-free programs still import os, sys, time, random side by side
import os, sys, time, random, functools, operator, heapq, bisect, copy, string, textwrap, pprint, statistics, uuid, secrets
print(sorted(m.__name__ for m in (os, sys, time, random, functools, operator, heapq, bisect, copy, string, textwrap, pprint, statistics, uuid, secrets)))
