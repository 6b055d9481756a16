# sum/min/max over mixes of big ints and floats.
xs = [2**62] * 5
print(sum(xs), sum(xs, 2**70), sum([2**70, 0.5]))
print(max([3, 2**100, 2.5]), min([-2**100, 1e10]))
