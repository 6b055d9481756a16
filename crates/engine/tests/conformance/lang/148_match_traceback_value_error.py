# match: an attribute error in a value pattern is raised when that case is tried.
import math
def f(x):
    match x:
        case math.pi:
            return "pi"
        case math.tau:
            return "tau"
        case math.nope:
            return "never"
print(f(math.tau))
print(f(1))
