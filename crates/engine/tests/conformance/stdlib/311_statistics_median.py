# statistics.median, median_low and median_high for odd and even lengths, unsorted input
import statistics as st
for data in ([1, 3, 5], [1, 3, 5, 7], [7, 1, 3, 5], [2.5], [1, 2], ["b", "a", "c"], range(10)):
    try:
        print(list(data), st.median(data), st.median_low(data), st.median_high(data))
    except TypeError as e:
        print("TypeError", e)
try:
    st.median([])
except st.StatisticsError as e:
    print("StatisticsError", e)
