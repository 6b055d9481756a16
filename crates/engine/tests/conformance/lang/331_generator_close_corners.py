# generator close: finally runs; yielding in the GeneratorExit handler is a RuntimeError
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("  finally runs")
g = cleanup()
next(g)
g.close()
g.close()
print(list(g))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  exiting")
        return "ignored"
r = returns_on_exit()
next(r)
print(r.close())
unstarted = cleanup()
unstarted.close()
print("unstarted closed without finally")
