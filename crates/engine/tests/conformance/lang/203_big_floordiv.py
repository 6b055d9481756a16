# 10**50 // 7 and floor division with signs on big ints.
print(10**50 // 7)
print(-10**50 // 7)
print(10**50 // -7)
print(-10**50 // -7)
print(10**50 // 10**30)
