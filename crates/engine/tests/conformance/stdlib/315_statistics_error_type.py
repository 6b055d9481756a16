# statistics.StatisticsError is a ValueError; non-numbers are refused by mean with a TypeError
import statistics as st
print(issubclass(st.StatisticsError, ValueError))
try:
    st.mean([])
except ValueError as e:
    print("caught as ValueError:", e)
try:
    st.mean(["a", "b"])
except TypeError as e:
    print("TypeError", e)
