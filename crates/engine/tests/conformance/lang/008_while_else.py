# while loops, with else running only when the loop is not broken.
i = 0
while i < 3:
    print("i =", i)
    i += 1
else:
    print("loop finished normally")

n = 10
while n > 0:
    if n % 7 == 0:
        print("found", n)
        break
    n -= 1
else:
    print("not found")

count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
