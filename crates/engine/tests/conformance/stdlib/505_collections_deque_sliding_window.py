# A deque with maxlen as a sliding window for a moving average.
from collections import deque
window = deque(maxlen=3)
for x in [10, 20, 30, 40, 50]:
    window.append(x)
    print(list(window), sum(window) / len(window))
