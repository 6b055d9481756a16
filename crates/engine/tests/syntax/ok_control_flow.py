for i in range(3):
    if i == 0:
        continue
    elif i == 1:
        pass
    else:
        break
else:
    print("done")

while False:
    pass
else:
    print("else")

n = 0
while n < 3:
    n += 1
    if n > 10:
        break
