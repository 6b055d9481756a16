ｗｉｄｔｈ = 1
print(width)
