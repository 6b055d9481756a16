# A coroutine calls a plain function, which calls another: the stack grows.
import asyncio

def square(x):
    y = x * x
    return y

def sum_squares(n):
    acc = 0
    for k in range(n):
        acc += square(k)
    return acc

async def main():
    got = []
    for n in (2, 3):
        s = sum_squares(n)
        got.append(s)
        await asyncio.sleep(0)
    print(got)

asyncio.run(main())
