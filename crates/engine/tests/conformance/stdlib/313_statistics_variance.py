# statistics.variance and pvariance: exact for ints (an int when whole), floats, and given means
import statistics as st
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.variance(data), st.pvariance(data))
print(st.variance([1, 2, 3, 4]), st.pvariance([2, 4, 4, 4, 5, 5, 7, 9]), st.variance([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.variance([1, 2, 3, 5]), st.pvariance([0, 0, 0]), st.variance([5, 5]), st.pvariance([1, 2, 3, 4], mu=2.5))
print(st.variance(range(1, 11)), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
for f, d in ((st.variance, [1]), (st.pvariance, [])):
    try:
        f(d)
    except st.StatisticsError as e:
        print("StatisticsError", e)
