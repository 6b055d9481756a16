match = 1
case = 2
type = 3
_ = 4
match.x = 5
print(match, case, type, _)
match(1)
type(x)
