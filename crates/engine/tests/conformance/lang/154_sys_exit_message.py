# sys.exit("message") prints the message to stderr and ends the program.
import sys


def check(n):
    if n < 0:
        sys.exit(f"negative input: {n}")
    return n


print(check(2))
check(-1)
print("never printed")
