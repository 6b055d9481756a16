# statistics.mean and fmean: ints give an exact result (an int when whole), floats and mixes
import statistics as st
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean([1, 2]), st.mean([-1.0, 2.5, 3.25, 5.75]))
print(st.mean([0.5, 0.25, 0.75, 1]), st.mean(range(1, 101)), st.mean([True, False, True]), st.mean([10**15, 1]))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3]), st.fmean(x / 10 for x in range(10)))
print(st.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
for f in (st.mean, st.fmean):
    try:
        f([])
    except st.StatisticsError as e:
        print(f.__name__, "StatisticsError", e)
