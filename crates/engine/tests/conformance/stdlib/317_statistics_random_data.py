# statistics of 1,000 seeded random numbers: mean, median, stdev agree with CPython
import random
import statistics as st
random.seed(12)
ints = [random.randint(1, 100) for _ in range(1000)]
print(st.mean(ints), st.median(ints), st.mode(ints), st.pvariance(ints), round(st.stdev(ints), 12))
floats = [random.gauss(50, 10) for _ in range(1000)]
print(round(st.mean(floats), 10), round(st.median(floats), 10), round(st.stdev(floats), 10), round(st.fmean(floats), 10))
