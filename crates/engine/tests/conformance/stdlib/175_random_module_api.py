# The module's public names (random.__all__) all exist and are callable
import random
names = sorted(random.__all__)
print(names)
print(all(callable(getattr(random, n)) for n in names))
