# Compiling twice gives equal patterns; purge empties the cache.
import re
a = re.compile("x+")
re.purge()
b = re.compile("x+")
print(a == b, a.pattern == b.pattern, hash(a) == hash(b))
