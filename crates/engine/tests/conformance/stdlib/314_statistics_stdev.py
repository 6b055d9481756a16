# statistics.stdev and pstdev (always floats)
import statistics as st
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.stdev([1, 2, 3, 4]))
print(st.pstdev([5]), st.stdev([10, 20]), st.stdev(range(100)), st.pstdev([1, 1, 1, 1]))
for f, d in ((st.stdev, [1]), (st.pstdev, [])):
    try:
        f(d)
    except st.StatisticsError as e:
        print("StatisticsError", e)
