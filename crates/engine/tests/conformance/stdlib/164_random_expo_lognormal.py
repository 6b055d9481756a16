# random.expovariate(), lognormvariate(), paretovariate(), weibullvariate(): 1,000 draws each
import random
for s in (0, 13, 2020):
    random.seed(s)
    e = [random.expovariate(1.5) for _ in range(1000)]
    ln = [random.lognormvariate(0, 0.5) for _ in range(1000)]
    p = [random.paretovariate(3) for _ in range(1000)]
    w = [random.weibullvariate(1, 1.5) for _ in range(1000)]
    print(s, sum(e), sum(ln), sum(p), sum(w))
    print(e[0], ln[0], p[0], w[0])
try:
    random.expovariate(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
