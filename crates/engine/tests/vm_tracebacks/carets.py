def parse(s):
    return int(s)
def div(a, b):
    return a / b + 1
def sub(d):
    return d["missing"]
def attr(o):
    return o.nope
for f, a in [(parse, ("twelve",)), (div, (1, 0)), (sub, ({},)), (attr, (3,))]:
    try:
        f(*a)
    except Exception as e:
        import sys
x = [1, 2]
print(x[5] if len(x) > 5 else "ok")
result = div(10,
             0)
