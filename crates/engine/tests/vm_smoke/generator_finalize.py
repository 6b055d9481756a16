def lines():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")
for l in lines():
    print(l)
    break
print("after loop")
def g2():
    try:
        yield 1
    finally:
        print("closing g2")
x = g2(); next(x); x = None
print("end")
