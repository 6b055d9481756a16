# try/except/else/finally flow in every combination.
def attempt(n):
    try:
        print("try", n)
        result = 10 // n
    except ZeroDivisionError:
        print("except")
        return "error"
    else:
        print("else", result)
        return result
    finally:
        print("finally", n)

print(attempt(2))
print(attempt(0))

def finally_overrides():
    try:
        return "try"
    finally:
        print("cleanup runs before return")

print(finally_overrides())

try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)

try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple of types caught", type(e).__name__)
