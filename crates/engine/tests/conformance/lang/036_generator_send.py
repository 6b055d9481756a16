# Generators as coroutines: send(), priming, and close().
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = averager()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(60))

def echo():
    try:
        while True:
            received = yield
            print("got", received)
    finally:
        print("closing")

e = echo()
next(e)
e.send("hello")
e.send("world")
e.close()
try:
    averager().send(1)
except TypeError as err:
    print("TypeError:", err)
