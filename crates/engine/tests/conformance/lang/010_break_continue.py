# break and continue in nested loops.
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j > i:
            break
        if j == 1:
            continue
        print(i, j)
total = 0
for n in range(20):
    if n % 3:
        continue
    if n > 12:
        break
    total += n
print("total", total)
