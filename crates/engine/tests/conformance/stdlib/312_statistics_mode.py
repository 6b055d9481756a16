# statistics.mode (first of the most common) and multimode; nominal data works too
import statistics as st
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]))
print(st.mode([1, 2, 2, 1]), st.mode("aabbbcc"), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]), st.multimode([5]))
try:
    st.mode([])
except st.StatisticsError as e:
    print("StatisticsError", e)
