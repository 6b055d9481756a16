# statistics.harmonic_mean and geometric_mean
import statistics as st
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([1, 0, 2]), st.harmonic_mean([7]))
print(round(st.geometric_mean([54, 24, 36]), 9), round(st.geometric_mean([1.0, 10.0, 100.0]), 9))
try:
    st.harmonic_mean([1, -1])
except st.StatisticsError as e:
    print("StatisticsError", e)
